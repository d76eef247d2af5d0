using System.Security.Cryptography;
using System.Text;

namespace VcService.Crypto.KeyProtection;

/// <summary>
/// Encrypts private keys at rest with AES-256-GCM under a master key. Layout of a protected blob:
/// version (1 byte, 1) ‖ nonce (12) ‖ tag (16) ‖ ciphertext. The associated data binds the blob to
/// its owner (tenant and key id), so a blob copied onto another key's row does not decrypt.
/// </summary>
public sealed class AesGcmKeyProtector
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _masterKey;

    public AesGcmKeyProtector(ReadOnlySpan<byte> masterKey)
    {
        if (masterKey.Length != 32)
            throw new ArgumentException("The master key must be 32 bytes (AES-256).", nameof(masterKey));
        _masterKey = masterKey.ToArray();
    }

    /// <summary>Parses a master key given as base64 (44 chars) or hex (64 chars).</summary>
    public static AesGcmKeyProtector FromText(string masterKey)
    {
        var text = masterKey.Trim();
        byte[] bytes;
        try
        {
            bytes = text.Length == 64 ? Convert.FromHexString(text) : Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new FormatException("The master key must be 32 bytes written as base64 or hex.");
        }
        return new AesGcmKeyProtector(bytes);
    }

    public static string GenerateMasterKeyText() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public byte[] Protect(ReadOnlySpan<byte> plaintext, string owner)
    {
        var blob = new byte[1 + NonceSize + TagSize + plaintext.Length];
        blob[0] = Version;
        var nonce = blob.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_masterKey, TagSize);
        aes.Encrypt(nonce, plaintext, blob.AsSpan(1 + NonceSize + TagSize), blob.AsSpan(1 + NonceSize, TagSize), Encoding.UTF8.GetBytes(owner));
        return blob;
    }

    /// <summary>Decrypts a blob; throws <see cref="CryptographicException"/> (without key material) when it was altered or the master key is wrong.</summary>
    public byte[] Unprotect(ReadOnlySpan<byte> blob, string owner)
    {
        if (blob.Length < 1 + NonceSize + TagSize || blob[0] != Version)
            throw new CryptographicException("The protected key blob is malformed.");
        var plaintext = new byte[blob.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(_masterKey, TagSize);
        try
        {
            aes.Decrypt(blob.Slice(1, NonceSize), blob[(1 + NonceSize + TagSize)..], blob.Slice(1 + NonceSize, TagSize), plaintext, Encoding.UTF8.GetBytes(owner));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new CryptographicException("The protected key could not be decrypted: wrong master key or altered data.");
        }
        return plaintext;
    }
}
