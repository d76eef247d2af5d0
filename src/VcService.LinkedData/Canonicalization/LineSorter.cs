using System.Runtime.InteropServices;

namespace VcService.LinkedData.Canonicalization;

/// <summary>A line (N-Quad) inside a <see cref="ByteBuffer"/>.</summary>
internal readonly record struct LineSegment(int Start, int Length, int Tag);

/// <summary>
/// Sorts UTF-8 lines by their bytes. Byte order of UTF-8 is Unicode code point order, the order
/// RDFC-1.0 prescribes for N-Quads (§4.6.3 step 4, §4.4.3 step 7).
/// </summary>
internal static class LineSorter
{
    public static void Sort(ByteBuffer buffer, List<LineSegment> lines)
    {
        if (lines.Count < 2)
        {
            return;
        }
        // A struct comparer: the sort is specialized for it (no delegate call per comparison).
        CollectionsMarshal.AsSpan(lines).Sort(new ByBytes(buffer));
    }

    private readonly struct ByBytes(ByteBuffer buffer) : IComparer<LineSegment>
    {
        public int Compare(LineSegment a, LineSegment b) => LineSorter.Compare(buffer, a, b);
    }

    /// <summary>Equal bytes (a duplicate line); cheaper than <see cref="Compare"/> since lengths usually differ.</summary>
    public static bool Same(ByteBuffer buffer, LineSegment a, LineSegment b) =>
        a.Length == b.Length && buffer.Slice(a.Start, a.Length).SequenceEqual(buffer.Slice(b.Start, b.Length));

    public static int Compare(ByteBuffer buffer, LineSegment a, LineSegment b) =>
        buffer.Slice(a.Start, a.Length).SequenceCompareTo(buffer.Slice(b.Start, b.Length));

    /// <summary>True when the lines are already in buffer order, so the buffer can be hashed as is.</summary>
    public static bool InBufferOrder(List<LineSegment> lines)
    {
        for (int i = 1; i < lines.Count; i++)
        {
            if (lines[i].Start < lines[i - 1].Start)
            {
                return false;
            }
        }
        return true;
    }
}
