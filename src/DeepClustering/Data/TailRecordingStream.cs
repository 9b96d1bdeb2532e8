namespace DeepClustering.Data;

/// <summary>
/// A read-only pass-through stream that remembers the last four bytes read through it, so that the size field
/// that ends a gzip file can be checked after decompression. The inner stream is not disposed.
/// </summary>
internal sealed class TailRecordingStream : Stream
{
    private readonly Stream _inner;
    private readonly byte[] _tail = new byte[4];

    public TailRecordingStream(Stream inner)
    {
        _inner = inner;
    }

    /// <summary>The last four bytes read (fewer, zero-padded at the start, while fewer have been read).</summary>
    public ReadOnlySpan<byte> LastFourBytes => _tail;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Reads and discards the rest of the inner stream, recording its last bytes.</summary>
    public void ReadToEnd()
    {
        var buffer = new byte[4096];
        while (Read(buffer) > 0)
        {
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read = _inner.Read(buffer);
        if (read >= _tail.Length)
        {
            buffer.Slice(read - _tail.Length, _tail.Length).CopyTo(_tail);
        }
        else if (read > 0)
        {
            _tail.AsSpan(read).CopyTo(_tail);
            buffer[..read].CopyTo(_tail.AsSpan(_tail.Length - read));
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
