using System.Runtime.InteropServices;
using System.Security.Cryptography;
using VcService.Crypto.Sodium;

namespace VcService.Crypto;

/// <summary>
/// A private signing key. Secret bytes live in a pinned array and are zeroed on <see cref="Dispose"/>.
/// <see cref="ToString"/> and exception messages never include secret material.
/// </summary>
public sealed class SigningKey : IDisposable
{
    private const int PrivateKeyLength = 32;

    // Ed25519: libsodium's 64-byte secret key (seed ‖ pk). P-256: the 32-byte scalar d.
    private readonly byte[] _secret;
    private readonly ECDsa? _ecdsa;
    private readonly Lock _ecdsaLock = new();
    private bool _disposed;

    private SigningKey(KeyType type, byte[] secret, PublicKey publicKey, ECDsa? ecdsa)
    {
        Type = type;
        _secret = secret;
        PublicKey = publicKey;
        _ecdsa = ecdsa;
    }

    /// <summary>The key type.</summary>
    public KeyType Type { get; }

    /// <summary>The matching public key.</summary>
    public PublicKey PublicKey { get; }

    /// <summary>Generates a new key from <see cref="RandomNumberGenerator"/>.</summary>
    public static SigningKey Generate(KeyType type)
    {
        var seed = GC.AllocateArray<byte>(PrivateKeyLength, pinned: true);
        try
        {
            if (type == KeyType.P256)
            {
                // Rejection sampling: d must be in [1, n-1] (probability of retry ≈ 2^-32).
                do
                {
                    RandomNumberGenerator.Fill(seed);
                }
                while (!P256Curve.IsValidScalar(seed));
            }
            else
            {
                RandomNumberGenerator.Fill(seed);
            }

            return Import(type, seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>
    /// Imports a raw private key: Ed25519 32-byte seed (RFC 8032 private key); P-256 32-byte scalar d.
    /// Throws <see cref="ArgumentException"/> (without key bytes) for a wrong length or invalid scalar.
    /// </summary>
    public static SigningKey Import(KeyType type, ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != PrivateKeyLength)
        {
            throw new ArgumentException(
                $"{type} private key: expected {PrivateKeyLength} bytes, got {privateKey.Length}", nameof(privateKey));
        }

        return type switch
        {
            KeyType.Ed25519 => ImportEd25519(privateKey),
            KeyType.P256 => ImportP256(privateKey),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }

    private static unsafe SigningKey ImportEd25519(ReadOnlySpan<byte> seed)
    {
        LibSodium.EnsureInitialized();
        var sk = GC.AllocateArray<byte>(LibSodium.SecretKeyBytes, pinned: true);
        var pk = new byte[LibSodium.PublicKeyBytes];
        fixed (byte* s = seed)
        fixed (byte* skp = sk)
        fixed (byte* pkp = pk)
        {
            if (LibSodium.crypto_sign_seed_keypair(pkp, skp, s) != 0)
            {
                CryptographicOperations.ZeroMemory(sk);
                throw new CryptographicException("crypto_sign_seed_keypair failed");
            }
        }

        return new SigningKey(KeyType.Ed25519, sk, PublicKey.FromBytes(KeyType.Ed25519, pk), null);
    }

    private static SigningKey ImportP256(ReadOnlySpan<byte> d)
    {
        if (!P256Curve.IsValidScalar(d))
        {
            throw new ArgumentException("P-256 private key: scalar d must be in [1, n-1]", nameof(d));
        }

        var secret = GC.AllocateArray<byte>(PrivateKeyLength, pinned: true);
        d.CopyTo(secret);
        var dCopy = secret.ToArray();
        ECDsa? ecdsa = null;
        try
        {
            // With D and no Q, .NET derives the public point.
            ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = dCopy });
            var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
            var publicKey = PublicKey.FromP256Coordinates(parameters.Q.X!, parameters.Q.Y!);
            return new SigningKey(KeyType.P256, secret, publicKey, ecdsa);
        }
        catch (CryptographicException)
        {
            ecdsa?.Dispose();
            CryptographicOperations.ZeroMemory(secret);
            throw new ArgumentException("P-256 private key: could not be imported", nameof(d));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dCopy);
        }
    }

    /// <summary>Exports the raw private key (Ed25519 32-byte seed; P-256 32-byte d). Caller zeroes it.</summary>
    public byte[] ExportPrivateKey()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _secret.AsSpan(0, PrivateKeyLength).ToArray();
    }

    /// <summary>Multikey form of the private key: 'z' + base58btc(ed25519-priv/p256-priv header ‖ key).</summary>
    public string ToPrivateMultikey()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var raw = Multicodec.Prefix(Multicodec.PrivateHeader(Type), _secret.AsSpan(0, PrivateKeyLength));
        try
        {
            return Multibase.EncodeBase58Btc(raw);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    /// <summary>
    /// Reads a private Multikey ("z3u2…" Ed25519, "z42t…" P-256), as in the W3C test-vector key files
    /// (privateKeyMultibase / secretKeyMultibase). Throws <see cref="FormatException"/> naming the problem.
    /// </summary>
    public static SigningKey FromPrivateMultikey(string privateKeyMultibase)
    {
        ArgumentNullException.ThrowIfNull(privateKeyMultibase);
        if (privateKeyMultibase.Length == 0 || privateKeyMultibase[0] != Multibase.Base58BtcPrefix)
        {
            throw new FormatException("private Multikey must start with 'z' (base58btc)");
        }

        byte[] decoded;
        try
        {
            decoded = Multibase.DecodeBase58Btc(privateKeyMultibase);
        }
        catch (FormatException e)
        {
            // Don't echo positions or content of secret text beyond the generic reason.
            throw new FormatException("private Multikey: not valid base58btc", e.InnerException);
        }

        try
        {
            KeyType type;
            if (decoded.AsSpan().StartsWith(Multicodec.Ed25519Priv))
            {
                type = KeyType.Ed25519;
            }
            else if (decoded.AsSpan().StartsWith(Multicodec.P256Priv))
            {
                type = KeyType.P256;
            }
            else
            {
                throw new FormatException("private Multikey: unsupported multicodec header (expected ed25519-priv 0x8026 or p256-priv 0x8626)");
            }

            var key = decoded.AsSpan(2);
            if (key.Length != PrivateKeyLength)
            {
                throw new FormatException($"private Multikey: {type} key must be {PrivateKeyLength} bytes, got {key.Length}");
            }

            try
            {
                return Import(type, key);
            }
            catch (ArgumentException e)
            {
                throw new FormatException("private Multikey: " + e.Message.Split(" (Parameter")[0]);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(decoded);
        }
    }

    /// <summary>Signs data; Ed25519 (RFC 8032) or ES256 as IEEE P1363 r‖s. Returns 64 bytes.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        var signature = new byte[PublicKey.SignatureLength(Type)];
        Sign(data, signature);
        return signature;
    }

    /// <summary>Signs into <paramref name="signature"/> (at least 64 bytes); returns the bytes written.</summary>
    public int Sign(ReadOnlySpan<byte> data, Span<byte> signature)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var length = PublicKey.SignatureLength(Type);
        if (signature.Length < length)
        {
            throw new ArgumentException($"signature buffer must be at least {length} bytes", nameof(signature));
        }

        return Type == KeyType.Ed25519 ? SignEd25519(data, signature) : SignP256(data, signature);
    }

    private unsafe int SignEd25519(ReadOnlySpan<byte> data, Span<byte> signature)
    {
        ulong written = 0;
        fixed (byte* sig = signature)
        fixed (byte* m = data)
        fixed (byte* sk = _secret)
        {
            if (LibSodium.crypto_sign_detached(sig, &written, m, (ulong)data.Length, sk) != 0)
            {
                throw new CryptographicException("crypto_sign_detached failed");
            }
        }

        return (int)written;
    }

    private int SignP256(ReadOnlySpan<byte> data, Span<byte> signature)
    {
        // ECDsa instances are not documented as thread-safe.
        lock (_ecdsaLock)
        {
            return _ecdsa!.SignData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
    }

    /// <summary>Zeroes the secret material.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        CryptographicOperations.ZeroMemory(_secret);
        _ecdsa?.Dispose();
    }

    /// <summary>Type and public key only.</summary>
    public override string ToString()
    {
        return $"SigningKey {Type} (public {PublicKey.ToMultikey()})";
    }
}
