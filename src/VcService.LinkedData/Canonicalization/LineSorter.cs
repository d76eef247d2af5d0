using System.Buffers;
using System.Runtime.CompilerServices;
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
    /// <summary>Sorts any lines (a merge sort: few comparisons when the lines are nearly in order).</summary>
    public static void Sort(ByteBuffer buffer, List<LineSegment> lines)
    {
        var span = CollectionsMarshal.AsSpan(lines);
        if (span.Length < 2)
        {
            return;
        }
        var scratch = ArrayPool<LineSegment>.Shared.Rent(span.Length);
        MergeSort(span, scratch, new ByBytes(buffer, 0));
        ArrayPool<LineSegment>.Shared.Return(scratch);
    }

    /// <summary>
    /// Sorts canonical N-Quads lines, which start with a subject term and a space. A subject term
    /// holds no space, so "subject + space" never is a prefix of another and the order of lines is
    /// the order of their subjects, then of the rest. JSON-LD toRdf writes the quads of a node
    /// together: sorting each run of one subject, then the runs by subject, compares far fewer
    /// (and shorter) byte strings than sorting whole lines, and is never wrong when the input
    /// is in any other order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SortQuads(ByteBuffer buffer, List<LineSegment> lines)
    {
        var span = CollectionsMarshal.AsSpan(lines);
        if (span.Length < 2)
        {
            return;
        }
        var pool = ArrayPool<LineSegment>.Shared;
        var scratch = pool.Rent(span.Length);
        var runs = ArrayPool<Run>.Shared.Rent(span.Length);
        var runScratch = ArrayPool<Run>.Shared.Rent(span.Length);
        var sorted = pool.Rent(span.Length);
        try
        {
            // Runs of consecutive lines with the same subject, each sorted by the rest of the line.
            int runCount = 0;
            for (int start = 0; start < span.Length;)
            {
                int subjectStart = span[start].Start;
                int subjectLength = SubjectLength(buffer, span[start]);
                var subject = buffer.Slice(subjectStart, subjectLength);
                int end = start + 1;
                while (end < span.Length && buffer.Slice(span[end].Start, span[end].Length).StartsWith(subject))
                {
                    end++;
                }
                runs[runCount++] = new Run(start, end - start, subjectStart, subjectLength);
                start = end;
            }
            foreach (var run in runs.AsSpan(0, runCount))
            {
                MergeSort(span.Slice(run.Start, run.Count), scratch, new ByBytes(buffer, run.SubjectLength));
            }

            // The runs in order of subject; runs of the same subject (not adjacent in the input)
            // are joined and sorted again.
            var runSpan = runs.AsSpan(0, runCount);
            MergeSort(runSpan, runScratch, new BySubject(buffer));
            int written = 0;
            for (int r = 0; r < runSpan.Length;)
            {
                int first = written;
                var run = runSpan[r++];
                span.Slice(run.Start, run.Count).CopyTo(sorted.AsSpan(written));
                written += run.Count;
                bool joined = false;
                while (r < runSpan.Length && SameSubject(buffer, run, runSpan[r]))
                {
                    span.Slice(runSpan[r].Start, runSpan[r].Count).CopyTo(sorted.AsSpan(written));
                    written += runSpan[r++].Count;
                    joined = true;
                }
                if (joined)
                {
                    MergeSort(sorted.AsSpan(first, written - first), scratch, new ByBytes(buffer, run.SubjectLength));
                }
            }
            sorted.AsSpan(0, written).CopyTo(span);
        }
        finally
        {
            pool.Return(scratch);
            pool.Return(sorted);
            ArrayPool<Run>.Shared.Return(runs);
            ArrayPool<Run>.Shared.Return(runScratch);
        }
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

    /// <summary>Bytes of the subject term and the space after it.</summary>
    private static int SubjectLength(ByteBuffer buffer, LineSegment line) =>
        buffer.Slice(line.Start, line.Length).IndexOf((byte)' ') + 1;

    private static bool SameSubject(ByteBuffer buffer, Run a, Run b) =>
        a.SubjectLength == b.SubjectLength
        && buffer.Slice(a.SubjectStart, a.SubjectLength).SequenceEqual(buffer.Slice(b.SubjectStart, b.SubjectLength));

    /// <summary>
    /// Stable top-down merge sort; <paramref name="scratch"/> holds at least half of <paramref name="items"/>.
    /// Halves already in order are not merged, so sorted input costs n - 1 comparisons.
    /// </summary>
    // Optimized at once: this recursive method runs in many short calls, the worst case for
    // tier-0 code with on-stack replacement, and ArraySortHelper (which it replaces) is precompiled.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MergeSort<T, TComparer>(Span<T> items, Span<T> scratch, TComparer comparer)
        where TComparer : struct, IComparer<T>
    {
        if (items.Length <= 12)
        {
            // Insertion sort.
            for (int i = 1; i < items.Length; i++)
            {
                var item = items[i];
                int j = i - 1;
                while (j >= 0 && comparer.Compare(items[j], item) > 0)
                {
                    items[j + 1] = items[j];
                    j--;
                }
                items[j + 1] = item;
            }
            return;
        }
        int middle = items.Length / 2;
        MergeSort(items[..middle], scratch, comparer);
        MergeSort(items[middle..], scratch, comparer);
        if (comparer.Compare(items[middle - 1], items[middle]) <= 0)
        {
            return;
        }
        var left = scratch[..middle];
        items[..middle].CopyTo(left);
        int l = 0, r = middle, k = 0;
        while (l < left.Length && r < items.Length)
        {
            items[k++] = comparer.Compare(items[r], left[l]) < 0 ? items[r++] : left[l++];
        }
        left[l..].CopyTo(items[k..]);
    }

    /// <summary>Consecutive lines (from index <paramref name="Start"/>) with one subject, the bytes at <paramref name="SubjectStart"/>.</summary>
    private readonly record struct Run(int Start, int Count, int SubjectStart, int SubjectLength);

    /// <summary>Lines by their bytes from <paramref name="offset"/> on (the same subject before it).</summary>
    private readonly struct ByBytes(ByteBuffer buffer, int offset) : IComparer<LineSegment>
    {
        public int Compare(LineSegment a, LineSegment b) =>
            buffer.Slice(a.Start + offset, a.Length - offset).SequenceCompareTo(buffer.Slice(b.Start + offset, b.Length - offset));
    }

    private readonly struct BySubject(ByteBuffer buffer) : IComparer<Run>
    {
        public int Compare(Run a, Run b) =>
            buffer.Slice(a.SubjectStart, a.SubjectLength).SequenceCompareTo(buffer.Slice(b.SubjectStart, b.SubjectLength));
    }
}
