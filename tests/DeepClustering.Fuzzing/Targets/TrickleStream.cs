namespace DeepClustering.Fuzzing.Targets;

/// <summary>
/// A read-only stream that cannot seek and hands out its bytes in reads of 1, 7, 4096, 3 and 65,536 bytes in turn,
/// as pipes and sockets may: the reader cannot learn the length, nor rely on full reads.
/// </summary>
public sealed class TrickleStream(byte[] content) : Stream
{
    private static readonly int[] s_readSizes = [1, 7, 4096, 3, 65_536];
    private int _position;
    private int _reads;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        int size = Math.Min(Math.Min(buffer.Length, s_readSizes[_reads++ % s_readSizes.Length]), content.Length - _position);
        content.AsSpan(_position, size).CopyTo(buffer);
        _position += size;
        return size;
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
