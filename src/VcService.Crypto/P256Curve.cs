using System.Numerics;
using System.Security.Cryptography;

namespace VcService.Crypto;

/// <summary>
/// NIST P-256 point encoding (SEC 1 v2 §2.3.3/§2.3.4): compression, decompression and the
/// on-curve check. Signing and verification stay with .NET's <see cref="ECDsa"/>.
/// </summary>
internal static class P256Curve
{
    internal const int FieldBytes = 32;
    internal const int CompressedLength = 33;
    internal const int UncompressedLength = 65;
    internal const int SignatureLength = 64;

    // y² = x³ − 3x + b over GF(p) (FIPS 186-4 D.1.2.3).
    private static readonly BigInteger P = Parse("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff");
    private static readonly BigInteger B = Parse("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b");
    private static readonly BigInteger N = Parse("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");

    private static BigInteger Parse(string hex)
    {
        return new BigInteger(Convert.FromHexString(hex), isUnsigned: true, isBigEndian: true);
    }

    private static BigInteger ToInt(ReadOnlySpan<byte> bytes)
    {
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    private static byte[] ToBytes(BigInteger value)
    {
        var result = new byte[FieldBytes];
        value.TryWriteBytes(result.AsSpan(FieldBytes - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return result;
    }

    private static BigInteger RightSide(BigInteger x)
    {
        var v = (BigInteger.ModPow(x, 3, P) - (3 * x) + B) % P;
        return v.Sign < 0 ? v + P : v;
    }

    /// <summary>True when 1 ≤ d &lt; n (SEC 1 §3.2.1).</summary>
    internal static bool IsValidScalar(ReadOnlySpan<byte> d)
    {
        var value = ToInt(d);
        return d.Length == FieldBytes && value > BigInteger.Zero && value < N;
    }

    /// <summary>Decodes a compressed or uncompressed point into (x, y), checking it lies on the curve.</summary>
    internal static bool TryDecodePoint(ReadOnlySpan<byte> encoded, out byte[] x, out byte[] y, out string? error)
    {
        x = [];
        y = [];
        error = null;
        BigInteger xi;
        BigInteger yi;
        if (encoded.Length == CompressedLength && encoded[0] is 0x02 or 0x03)
        {
            xi = ToInt(encoded[1..]);
            if (xi >= P)
            {
                error = "P-256 public key: x coordinate out of range";
                return false;
            }

            // p ≡ 3 (mod 4), so a square root of a is a^((p+1)/4) when one exists.
            var alpha = RightSide(xi);
            var beta = BigInteger.ModPow(alpha, (P + 1) / 4, P);
            if (BigInteger.ModPow(beta, 2, P) != alpha)
            {
                error = "P-256 public key: point is not on the curve";
                return false;
            }

            var wantOdd = encoded[0] == 0x03;
            yi = beta.IsEven == wantOdd ? P - beta : beta;
        }
        else if (encoded.Length == UncompressedLength && encoded[0] == 0x04)
        {
            xi = ToInt(encoded.Slice(1, FieldBytes));
            yi = ToInt(encoded.Slice(1 + FieldBytes, FieldBytes));
            if (!IsOnCurve(xi, yi))
            {
                error = "P-256 public key: point is not on the curve";
                return false;
            }
        }
        else
        {
            error = $"P-256 public key: expected a 33-byte compressed or 65-byte uncompressed SEC1 point, got {encoded.Length} bytes"
                + (encoded.Length > 0 ? $" with prefix 0x{encoded[0]:x2}" : string.Empty);
            return false;
        }

        x = ToBytes(xi);
        y = ToBytes(yi);
        return true;
    }

    /// <summary>Checks (x, y) given as 32-byte big-endian coordinates.</summary>
    internal static bool IsOnCurve(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        return x.Length == FieldBytes && y.Length == FieldBytes && IsOnCurve(ToInt(x), ToInt(y));
    }

    private static bool IsOnCurve(BigInteger x, BigInteger y)
    {
        return x < P && y < P && BigInteger.ModPow(y, 2, P) == RightSide(x);
    }

    /// <summary>0x02/0x03 ‖ x.</summary>
    internal static byte[] Compress(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        var result = new byte[CompressedLength];
        result[0] = (byte)((y[^1] & 1) == 0 ? 0x02 : 0x03);
        x.CopyTo(result.AsSpan(1));
        return result;
    }

    internal static ECParameters PublicParameters(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        return new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = x.ToArray(), Y = y.ToArray() },
        };
    }
}
