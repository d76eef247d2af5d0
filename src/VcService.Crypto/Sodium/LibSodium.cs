using System.Reflection;
using System.Runtime.InteropServices;

namespace VcService.Crypto.Sodium;

/// <summary>
/// P/Invoke bindings to the system libsodium (Debian/Ubuntu ship it as <c>libsodium.so.23</c>).
/// Only the Ed25519 functions we need.
/// </summary>
internal static unsafe partial class LibSodium
{
    private const string Library = "libsodium";

    internal const int SeedBytes = 32;        // crypto_sign_SEEDBYTES
    internal const int PublicKeyBytes = 32;   // crypto_sign_PUBLICKEYBYTES
    internal const int SecretKeyBytes = 64;   // crypto_sign_SECRETKEYBYTES
    internal const int SignatureBytes = 64;   // crypto_sign_BYTES

    private static readonly string[] Candidates = ["libsodium.so.23", "libsodium.so", "libsodium"];
    private static readonly Lazy<bool> Initialized = new(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);

    static LibSodium()
    {
        NativeLibrary.SetDllImportResolver(typeof(LibSodium).Assembly, Resolve);
    }

    /// <summary>Loads libsodium and calls <c>sodium_init</c> once; throws if unavailable.</summary>
    internal static void EnsureInitialized()
    {
        if (!Initialized.Value)
        {
            throw new InvalidOperationException("libsodium could not be initialised (sodium_init returned -1).");
        }
    }

    private static bool Initialize()
    {
        // sodium_init: 0 = initialised now, 1 = already initialised, -1 = failure.
        return sodium_init() >= 0;
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != Library)
        {
            return IntPtr.Zero;
        }

        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle))
            {
                return handle;
            }
        }

        throw new DllNotFoundException(
            "libsodium not found (tried " + string.Join(", ", Candidates) + "). Install libsodium23.");
    }

    [LibraryImport(Library)]
    private static partial int sodium_init();

    [LibraryImport(Library)]
    internal static partial int crypto_sign_seed_keypair(byte* pk, byte* sk, byte* seed);

    [LibraryImport(Library)]
    internal static partial int crypto_sign_detached(byte* sig, ulong* siglen, byte* m, ulong mlen, byte* sk);

    /// <summary>1 when the encoding is a canonical point on the curve, in the main subgroup, not of small order.</summary>
    [LibraryImport(Library)]
    internal static partial int crypto_core_ed25519_is_valid_point(byte* p);

    [LibraryImport(Library)]
    internal static partial int crypto_sign_verify_detached(byte* sig, byte* m, ulong mlen, byte* pk);
}
