using System.Security.Cryptography;
using System.Text.Json.Nodes;
using VcService.Crypto.Sodium;

namespace VcService.Crypto;

/// <summary>
/// A signature verification key. <see cref="Bytes"/> is the canonical form: Ed25519 raw 32 bytes,
/// P-256 compressed SEC1 (33 bytes).
/// </summary>
public sealed class PublicKey : IEquatable<PublicKey>
{
    private readonly byte[] _bytes;

    // P-256 affine coordinates (empty for Ed25519).
    private readonly byte[] _x;
    private readonly byte[] _y;

    // P-256 verifiers, reused: building an ECDsa from parameters costs about as much as a verify.
    // A pool rather than one shared instance, because an ECDsa is not documented as thread-safe.
    private System.Collections.Concurrent.ConcurrentQueue<ECDsa>? _p256Verifiers;
    private const int MaxPooledVerifiers = 8;

    private PublicKey(KeyType type, byte[] bytes, byte[] x, byte[] y)
    {
        Type = type;
        _bytes = bytes;
        _x = x;
        _y = y;
    }

    /// <summary>The key type.</summary>
    public KeyType Type { get; }

    /// <summary>Ed25519: raw 32 bytes; P-256: compressed SEC1 33 bytes.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>The JWS "alg" this key verifies (RFC 8037 "EdDSA", RFC 7518 "ES256").</summary>
    public string JwsAlgorithm => JwsAlgorithmFor(Type);

    /// <summary>The JWS "alg" for a key type.</summary>
    public static string JwsAlgorithmFor(KeyType type)
    {
        return type switch
        {
            KeyType.Ed25519 => "EdDSA",
            KeyType.P256 => "ES256",
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }

    /// <summary>Signature length in bytes (64 for both types; P-256 as IEEE P1363 r‖s).</summary>
    public static int SignatureLength(KeyType type)
    {
        return type switch
        {
            KeyType.Ed25519 => LibSodium.SignatureBytes,
            KeyType.P256 => P256Curve.SignatureLength,
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }

    /// <summary>
    /// Builds a key from its raw form. Ed25519: 32 bytes. P-256: compressed (33) or uncompressed (65)
    /// SEC1; the point must lie on the curve. Throws <see cref="ArgumentException"/> naming the problem.
    /// </summary>
    public static PublicKey FromBytes(KeyType type, ReadOnlySpan<byte> bytes)
    {
        switch (type)
        {
            case KeyType.Ed25519:
                if (bytes.Length != LibSodium.PublicKeyBytes)
                {
                    throw new ArgumentException(
                        $"Ed25519 public key: expected {LibSodium.PublicKeyBytes} bytes, got {bytes.Length}", nameof(bytes));
                }

                if (!IsValidEd25519Point(bytes))
                {
                    throw new ArgumentException(
                        "Ed25519 public key: not a valid curve point (non-canonical, small order or off the curve)", nameof(bytes));
                }

                return new PublicKey(type, bytes.ToArray(), [], []);
            case KeyType.P256:
                if (!P256Curve.TryDecodePoint(bytes, out var x, out var y, out var error))
                {
                    throw new ArgumentException(error, nameof(bytes));
                }

                return FromP256Coordinates(x, y);
            default:
                throw new ArgumentOutOfRangeException(nameof(type));
        }
    }

    private static unsafe bool IsValidEd25519Point(ReadOnlySpan<byte> bytes)
    {
        LibSodium.EnsureInitialized();
        fixed (byte* p = bytes)
        {
            return LibSodium.crypto_core_ed25519_is_valid_point(p) == 1;
        }
    }

    internal static PublicKey FromP256Coordinates(byte[] x, byte[] y)
    {
        return new PublicKey(KeyType.P256, P256Curve.Compress(x, y), x, y);
    }

    /// <summary>
    /// Verifies a signature. Returns false — never throws — for a wrong, truncated or malformed signature.
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureLength(Type))
        {
            return false;
        }

        return Type == KeyType.Ed25519 ? VerifyEd25519(data, signature) : VerifyP256(data, signature);
    }

    private unsafe bool VerifyEd25519(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        LibSodium.EnsureInitialized();
        fixed (byte* sig = signature)
        fixed (byte* m = data)
        fixed (byte* pk = _bytes)
        {
            return LibSodium.crypto_sign_verify_detached(sig, m, (ulong)data.Length, pk) == 0;
        }
    }

    private bool VerifyP256(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        var pool = _p256Verifiers ?? Interlocked.CompareExchange(ref _p256Verifiers, new(), null) ?? _p256Verifiers;
        if (!pool.TryDequeue(out var ecdsa))
            ecdsa = ECDsa.Create(P256Curve.PublicParameters(_x, _y));
        try
        {
            return ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false;
        }
        finally
        {
            if (pool.Count < MaxPooledVerifiers) pool.Enqueue(ecdsa);
            else ecdsa.Dispose();
        }
    }

    /// <summary>Creates a .NET ECDsa holding this P-256 public key (caller disposes).</summary>
    public ECDsa ToECDsa()
    {
        if (Type != KeyType.P256)
        {
            throw new InvalidOperationException("ToECDsa is only available for P-256 keys");
        }

        return ECDsa.Create(P256Curve.PublicParameters(_x, _y));
    }

    /// <summary>Multikey publicKeyMultibase: 'z' + base58btc(multicodec header ‖ key).</summary>
    public string ToMultikey()
    {
        return Multibase.EncodeBase58Btc(Multicodec.Prefix(Multicodec.PublicHeader(Type), _bytes));
    }

    /// <summary>
    /// Parses a Multikey publicKeyMultibase ("z6Mk…" Ed25519, "zDn…" P-256). Throws
    /// <see cref="FormatException"/> naming the problem (prefix, header, length, encoding).
    /// </summary>
    public static PublicKey FromMultikey(string publicKeyMultibase)
    {
        ArgumentNullException.ThrowIfNull(publicKeyMultibase);
        if (publicKeyMultibase.Length == 0 || publicKeyMultibase[0] != Multibase.Base58BtcPrefix)
        {
            throw new FormatException("Multikey publicKeyMultibase must start with 'z' (base58btc)");
        }

        var decoded = Multibase.DecodeBase58Btc(publicKeyMultibase);
        KeyType type;
        if (decoded.AsSpan().StartsWith(Multicodec.Ed25519Pub))
        {
            type = KeyType.Ed25519;
        }
        else if (decoded.AsSpan().StartsWith(Multicodec.P256Pub))
        {
            type = KeyType.P256;
        }
        else
        {
            throw new FormatException("Multikey publicKeyMultibase: unsupported multicodec header (expected ed25519-pub 0xed01 or p256-pub 0x8024)");
        }

        var key = decoded.AsSpan(2);
        var expected = type == KeyType.Ed25519 ? LibSodium.PublicKeyBytes : P256Curve.CompressedLength;
        if (key.Length != expected)
        {
            throw new FormatException($"Multikey publicKeyMultibase: {type} key must be {expected} bytes, got {key.Length}");
        }

        try
        {
            return FromBytes(type, key);
        }
        catch (ArgumentException e)
        {
            throw new FormatException("Multikey publicKeyMultibase: " + e.Message.Split(" (Parameter")[0], e);
        }
    }

    /// <summary>Public JWK (RFC 8037 OKP/Ed25519 with x; RFC 7518 EC/P-256 with x, y).</summary>
    public JsonObject ToJwk()
    {
        return Type == KeyType.Ed25519
            ? new JsonObject { ["kty"] = "OKP", ["crv"] = "Ed25519", ["x"] = Base64Url.Encode(_bytes) }
            : new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64Url.Encode(_x), ["y"] = Base64Url.Encode(_y) };
    }

    /// <summary>
    /// Reads a public JWK. Checks kty/crv and member lengths; a private "d" member is ignored.
    /// Throws <see cref="FormatException"/> naming the member.
    /// </summary>
    public static PublicKey FromJwk(JsonObject jwk)
    {
        ArgumentNullException.ThrowIfNull(jwk);
        var kty = StringMember(jwk, "kty");
        var crv = StringMember(jwk, "crv");
        switch (kty)
        {
            case "OKP":
                if (crv != "Ed25519")
                {
                    throw new FormatException($"JWK: crv '{crv}' is not supported for kty 'OKP' (expected 'Ed25519')");
                }

                var x = CoordinateMember(jwk, "x", LibSodium.PublicKeyBytes);
                return FromBytes(KeyType.Ed25519, x);
            case "EC":
                if (crv != "P-256")
                {
                    throw new FormatException($"JWK: crv '{crv}' is not supported for kty 'EC' (expected 'P-256')");
                }

                var ex = CoordinateMember(jwk, "x", P256Curve.FieldBytes);
                var ey = CoordinateMember(jwk, "y", P256Curve.FieldBytes);
                if (!P256Curve.IsOnCurve(ex, ey))
                {
                    throw new FormatException("JWK: P-256 point (x, y) is not on the curve");
                }

                return FromP256Coordinates(ex, ey);
            default:
                throw new FormatException($"JWK: kty '{kty}' is not supported (expected 'OKP' or 'EC')");
        }
    }

    private static string StringMember(JsonObject jwk, string name)
    {
        if (jwk[name] is JsonValue value && value.TryGetValue<string>(out var s))
        {
            return s;
        }

        throw new FormatException($"JWK: member '{name}' is missing or not a string");
    }

    private static byte[] CoordinateMember(JsonObject jwk, string name, int length)
    {
        var text = StringMember(jwk, name);
        if (!Base64Url.TryDecode(text, out var bytes, out var error))
        {
            throw new FormatException($"JWK: member '{name}': {error}");
        }

        if (bytes.Length != length)
        {
            throw new FormatException($"JWK: member '{name}' must decode to {length} bytes, got {bytes.Length}");
        }

        return bytes;
    }

    /// <inheritdoc />
    public bool Equals(PublicKey? other)
    {
        return other is not null && other.Type == Type && other._bytes.AsSpan().SequenceEqual(_bytes);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj)
    {
        return Equals(obj as PublicKey);
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Type);
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <summary>Type and multikey (public data only).</summary>
    public override string ToString()
    {
        return $"{Type} {ToMultikey()}";
    }
}
