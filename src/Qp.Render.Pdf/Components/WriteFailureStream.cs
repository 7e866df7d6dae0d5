namespace Qp.Render.Pdf.Components;

/// <summary>
/// Passes writes on to a file, but never lets a write failure (a full disk) escape into SkiaSharp's native callback, where it would
/// abort the process: the first failure is kept, later writes are dropped, and <see cref="ThrowIfFailed"/> raises it once Skia is done.
/// </summary>
internal sealed class WriteFailureStream(Stream inner) : Stream
{
    private Exception? failure;

    /// <summary>Throws the first write failure, if there was one.</summary>
    public void ThrowIfFailed()
    {
        if (failure is not null) throw failure is IOException io ? io : new IOException(failure.Message, failure);
    }

    public override void Write(byte[] buffer, int offset, int count) => Guard(() => inner.Write(buffer, offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (failure is not null) return;
        try
        {
            inner.Write(buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            failure = e;
        }
    }

    public override void Flush() => Guard(inner.Flush);

    private void Guard(Action action)
    {
        if (failure is not null) return;
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            failure = e;
        }
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
