using System.Buffers.Text;
using System.IO.Compression;

namespace VcService.Credentials.Status;

/// <summary>How <c>encodedList</c> is written around the base64url text.</summary>
public enum EncodedListForm
{
    /// <summary>Bitstring Status List v1.0 §2.2: multibase base64url, i.e. a <c>u</c> prefix, no padding.</summary>
    Multibase,

    /// <summary>StatusList2021 §2.2: plain base64url without padding (no multibase prefix).</summary>
    Base64Url,
}

/// <summary>The outcome of <see cref="BitstringStatusList.Decode"/>: a list, or an error naming the problem.</summary>
public sealed record StatusListDecodeResult(BitstringStatusList? List, string? Error)
{
    public bool Success => List is not null;
}

/// <summary>
/// A W3C Bitstring Status List (https://www.w3.org/TR/vc-bitstring-status-list/): one bit per
/// credential (statusSize 1). Index 0 is the left-most bit of the bitstring (§2.2 encodedList),
/// i.e. the most significant bit of the first byte, as Digital Bazaar's implementation does.
/// Not thread-safe: callers that share one copy it.
/// </summary>
public sealed class BitstringStatusList
{
    /// <summary>Minimum number of entries (§2.2: at least 16 KB uncompressed; §3.2 step 2) — the herd privacy of the list.</summary>
    public const int MinimumLength = 131_072;

    /// <summary>Default limit on the uncompressed size when decoding, against GZIP bombs (16 MiB = 134 million entries).</summary>
    public const int DefaultMaxDecodedBytes = 16 * 1024 * 1024;

    /// <summary>Default limit on the length of an <c>encodedList</c> string before decoding.</summary>
    public const int DefaultMaxEncodedLength = 4 * 1024 * 1024;

    private readonly byte[] _bytes;

    /// <summary>A list of <paramref name="length"/> zero bits; the length is a positive multiple of 8.</summary>
    public BitstringStatusList(int length = MinimumLength)
    {
        if (length <= 0 || length % 8 != 0)
            throw new ArgumentOutOfRangeException(nameof(length), length, "A bitstring length is a positive multiple of 8.");
        _bytes = new byte[length / 8];
    }

    private BitstringStatusList(byte[] bytes) => _bytes = bytes;

    /// <summary>Wraps a copy of the raw (uncompressed) bitstring.</summary>
    public static BitstringStatusList FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
            throw new ArgumentException("A bitstring has at least one byte.", nameof(bytes));
        return new BitstringStatusList(bytes.ToArray());
    }

    /// <summary>Number of entries (bits).</summary>
    public int Length => _bytes.Length * 8;

    /// <summary>The raw bitstring, first entry in the most significant bit of byte 0.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    public bool this[int index]
    {
        get => Get(index);
        set => Set(index, value);
    }

    public bool Get(int index)
    {
        CheckIndex(index);
        return (_bytes[index >> 3] & (0x80 >> (index & 7))) != 0;
    }

    public void Set(int index, bool value)
    {
        CheckIndex(index);
        var mask = (byte)(0x80 >> (index & 7));
        if (value)
            _bytes[index >> 3] |= mask;
        else
            _bytes[index >> 3] &= (byte)~mask;
    }

    /// <summary>Indices of the set bits, ascending.</summary>
    public IEnumerable<int> SetIndices()
    {
        for (var i = 0; i < _bytes.Length; i++)
        {
            if (_bytes[i] == 0)
                continue;
            for (var bit = 0; bit < 8; bit++)
                if ((_bytes[i] & (0x80 >> bit)) != 0)
                    yield return i * 8 + bit;
        }
    }

    /// <summary>
    /// Bitstring Generation Algorithm (§3.3) step 3: GZIP-compress the bitstring (RFC 1952) and
    /// multibase-encode it as base64url without padding (the <c>u</c> prefix).
    /// </summary>
    public string Encode(EncodedListForm form = EncodedListForm.Multibase)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(_bytes);
        var text = Base64Url.EncodeToString(compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        return form == EncodedListForm.Multibase ? "u" + text : text;
    }

    /// <summary>
    /// Bitstring Expansion Algorithm (§3.4) step 2: multibase-decode, then GZIP-decompress.
    /// Never throws for bad input. Deviation: the spec sets no limit; the uncompressed size is
    /// capped at <paramref name="maxDecodedBytes"/> (GZIP bombs). A list shorter than
    /// <see cref="MinimumLength"/> is refused when <paramref name="enforceMinimumLength"/> is set
    /// (Validate Algorithm §3.2 step 9, <c>STATUS_LIST_LENGTH_ERROR</c>).
    /// </summary>
    /// <param name="form">
    /// Multibase requires the <c>u</c> prefix. Base64Url (StatusList2021) takes the text as is,
    /// but also accepts a <c>u</c>-prefixed value, since a GZIP stream never starts with "u" in base64url.
    /// </param>
    public static StatusListDecodeResult Decode(string? encodedList, EncodedListForm form = EncodedListForm.Multibase,
        int maxDecodedBytes = DefaultMaxDecodedBytes, bool enforceMinimumLength = true, int maxEncodedLength = DefaultMaxEncodedLength)
    {
        if (string.IsNullOrEmpty(encodedList))
            return Fail(StatusListErrors.MalformedValue, "encodedList is missing or empty.");
        if (encodedList.Length > maxEncodedLength)
            return Fail(StatusListErrors.MalformedValue, $"encodedList is longer than the limit of {maxEncodedLength} characters.");

        // 1) Multibase: 'u' = base64url without padding (Multibase draft, table of base encodings).
        ReadOnlySpan<char> text = encodedList;
        if (text[0] == 'u')
            text = text[1..];
        else if (form == EncodedListForm.Multibase)
            return Fail(StatusListErrors.MalformedValue, $"encodedList must be multibase base64url (prefix 'u'), found prefix '{encodedList[0]}'.");

        // 2) base64url (RFC 4648 §5), no padding.
        if (text.Contains('=') || !Base64Url.IsValid(text, out var compressedLength))
            return Fail(StatusListErrors.MalformedValue, "encodedList is not valid unpadded base64url.");
        var compressed = new byte[compressedLength];
        if (Base64Url.DecodeFromChars(text, compressed, out _, out var written) != System.Buffers.OperationStatus.Done)
            return Fail(StatusListErrors.MalformedValue, "encodedList is not valid unpadded base64url.");

        // 3) GZIP (RFC 1952), reading at most maxDecodedBytes + 1 bytes.
        byte[] bytes;
        try
        {
            bytes = Decompress(compressed.AsSpan(0, written).ToArray(), maxDecodedBytes, out var tooLarge);
            if (tooLarge)
                return Fail(StatusListErrors.MalformedValue, $"The decompressed status list exceeds the limit of {maxDecodedBytes} bytes.");
        }
        catch (InvalidDataException)
        {
            return Fail(StatusListErrors.MalformedValue, "encodedList is not GZIP-compressed data.");
        }
        if (bytes.Length == 0)
            return Fail(StatusListErrors.StatusListLength, "The decompressed status list is empty.");
        if (enforceMinimumLength && bytes.Length * 8 < MinimumLength)
            return Fail(StatusListErrors.StatusListLength,
                $"The status list has {bytes.Length * 8} entries, fewer than the minimum of {MinimumLength}.");
        return new StatusListDecodeResult(new BitstringStatusList(bytes), null);
    }

    private static byte[] Decompress(byte[] compressed, int maxBytes, out bool tooLarge)
    {
        using var input = new MemoryStream(compressed, writable: false);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (output.Length + read > maxBytes)
            {
                tooLarge = true;
                return [];
            }
            output.Write(buffer, 0, read);
        }
        tooLarge = false;
        return output.ToArray();
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)Length)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"{StatusListErrors.Range}: index outside the list of {Length} entries.");
    }

    private static StatusListDecodeResult Fail(string type, string message) => new(null, $"{type}: {message}");
}
