using Microsoft.IdentityModel.Tokens;

namespace VcService.Credentials.Jose;

/// <summary>JWS signing input → signature through <see cref="VcService.Crypto.SigningKey"/> / <see cref="VcService.Crypto.PublicKey"/>.</summary>
internal sealed class VcSignatureProvider : SignatureProvider
{
    private readonly VcSecurityKey _key;

    public VcSignatureProvider(VcSecurityKey key, string algorithm, bool willCreateSignatures)
        : base(key, algorithm)
    {
        _key = key;
        if (willCreateSignatures && key.SigningKey is null)
        {
            throw new InvalidOperationException("this key has no private part and cannot create signatures");
        }
    }

    public override byte[] Sign(byte[] input)
    {
        return SigningKeyOrThrow().Sign(input);
    }

    public override byte[] Sign(byte[] input, int offset, int count)
    {
        return SigningKeyOrThrow().Sign(input.AsSpan(offset, count));
    }

    public override bool Sign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        var key = SigningKeyOrThrow();
        if (destination.Length < 64)
        {
            bytesWritten = 0;
            return false;
        }

        bytesWritten = key.Sign(data, destination);
        return true;
    }

    public override bool Verify(byte[] input, byte[] signature)
    {
        return _key.PublicKey.Verify(input, signature);
    }

    public override bool Verify(byte[] input, int inputOffset, int inputLength, byte[] signature, int signatureOffset, int signatureLength)
    {
        if (input is null || signature is null
            || inputOffset < 0 || inputLength < 0 || inputOffset + inputLength > input.Length
            || signatureOffset < 0 || signatureLength < 0 || signatureOffset + signatureLength > signature.Length)
        {
            return false;
        }

        return _key.PublicKey.Verify(input.AsSpan(inputOffset, inputLength), signature.AsSpan(signatureOffset, signatureLength));
    }

    protected override void Dispose(bool disposing)
    {
        // The wrapped keys belong to the caller.
    }

    private VcService.Crypto.SigningKey SigningKeyOrThrow()
    {
        return _key.SigningKey ?? throw new InvalidOperationException("this key has no private part and cannot create signatures");
    }
}
