namespace DeepClustering.Data;

/// <summary>
/// A read-only stream that first returns bytes already taken from another stream and then the rest of that stream,
/// so that a format can be sniffed from a stream that cannot seek. The inner stream is not disposed.
/// </summary>
internal sealed class PrefixReplayStream : Stream
{
    private readonly byte[] _prefix;
    private readonly Stream _inner;
    private int _prefixPosition;

    public PrefixReplayStream(byte[] prefix, Stream inner)
    {
        _prefix = prefix;
        _inner = inner;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int remaining = _prefix.Length - _prefixPosition;
        if (remaining > 0)
        {
            int taken = Math.Min(remaining, buffer.Length);
            _prefix.AsSpan(_prefixPosition, taken).CopyTo(buffer);
            _prefixPosition += taken;
            return taken;
        }

        return _inner.Read(buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
