using System.Buffers;
using System.Globalization;
using System.Text;

namespace VcService.LinkedData.Canonicalization;

/// <summary>
/// A growable UTF-8 buffer on pooled arrays, reused across hashing steps so canonicalizing a large
/// document neither allocates per quad nor lands scratch space on the large object heap.
/// </summary>
internal sealed class ByteBuffer(int capacity = 1024) : IBufferWriter<byte>, IDisposable
{
    private byte[] _data = ArrayPool<byte>.Shared.Rent(capacity);

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _data.AsSpan(0, Length);

    public ReadOnlySpan<byte> Slice(int start, int length) => _data.AsSpan(start, length);

    public void Clear() => Length = 0;

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

    /// <summary>Appends a copy of bytes already in the buffer.</summary>
    public void AddCopy(int start, int length)
    {
        if (Length + length > _data.Length)
        {
            Grow(length);
        }
        _data.AsSpan(start, length).CopyTo(_data.AsSpan(Length));
        Length += length;
    }

    /// <summary>Appends text as UTF-8.</summary>
    public void AddUtf8(ReadOnlySpan<char> text)
    {
        // Fast path: enough room for the worst case (3 bytes per UTF-16 unit).
        if (Length + text.Length * 3 > _data.Length)
        {
            Grow(Encoding.UTF8.GetByteCount(text));
        }
        Length += Encoding.UTF8.GetBytes(text, _data.AsSpan(Length));
    }

    public void AddNumber(int value)
    {
        if (Length + 11 > _data.Length)
        {
            Grow(11);
        }
        value.TryFormat(_data.AsSpan(Length), out int written, provider: CultureInfo.InvariantCulture);
        Length += written;
    }

    /// <summary>Makes room for <paramref name="capacity"/> bytes in all (one copy instead of one per doubling).</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > _data.Length)
        {
            Grow(capacity - Length);
        }
    }

    public void Advance(int count) => Length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _data.AsMemory(Length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _data.AsSpan(Length);
    }

    private void Reserve(int sizeHint)
    {
        int needed = Math.Max(sizeHint, 1);
        if (Length + needed > _data.Length)
        {
            Grow(needed);
        }
    }

    public void Dispose()
    {
        var data = _data;
        _data = [];
        Length = 0;
        if (data.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(data);
        }
    }

    private void Grow(int needed)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_data.Length * 2, Length + needed));
        _data.AsSpan(0, Length).CopyTo(bigger);
        if (_data.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_data);
        }
        _data = bigger;
    }
}
