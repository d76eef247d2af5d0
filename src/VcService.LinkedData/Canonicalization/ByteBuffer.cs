using System.Text;

namespace VcService.LinkedData.Canonicalization;

/// <summary>A growable UTF-8 scratch buffer reused across hashing steps to avoid per-quad allocations.</summary>
internal sealed class ByteBuffer(int capacity = 1024)
{
    private byte[] _data = new byte[capacity];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _data.AsSpan(0, Length);

    public ReadOnlySpan<byte> Slice(int start, int length) => _data.AsSpan(start, length);

    public void Clear() => Length = 0;

    public void Truncate(int length) => Length = length;

    public void Add(byte b)
    {
        if (Length == _data.Length)
        {
            Grow(1);
        }
        _data[Length++] = b;
    }

    public void Add(ReadOnlySpan<byte> bytes)
    {
        if (Length + bytes.Length > _data.Length)
        {
            Grow(bytes.Length);
        }
        bytes.CopyTo(_data.AsSpan(Length));
        Length += bytes.Length;
    }

    /// <summary>Appends ASCII or other text as UTF-8.</summary>
    public void AddUtf8(string text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (Length + max > _data.Length)
        {
            Grow(max);
        }
        Length += Encoding.UTF8.GetBytes(text, _data.AsSpan(Length));
    }

    public void AddNumber(int value)
    {
        if (Length + 11 > _data.Length)
        {
            Grow(11);
        }
        value.TryFormat(_data.AsSpan(Length), out int written, provider: System.Globalization.CultureInfo.InvariantCulture);
        Length += written;
    }

    private void Grow(int needed)
    {
        Array.Resize(ref _data, Math.Max(_data.Length * 2, Length + needed));
    }
}
