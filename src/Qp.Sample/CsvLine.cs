namespace Qp.Sample;

/// <summary>Builds one CSV line in a reused buffer and writes it: no per-row strings, so large runs stay fast.</summary>
internal sealed class CsvLine
{
    private char[] _buf = new char[256];
    private int _len;
    private bool _first = true;

    /// <summary>Adds a field (blank when null). Generated values never contain commas, quotes or line breaks.</summary>
    public CsvLine Field(string? value)
    {
        Separator();
        if (value is null) return this;
        Ensure(value.Length);
        value.CopyTo(0, _buf, _len, value.Length);
        _len += value.Length;
        return this;
    }

    /// <summary>Adds a non-negative integer field.</summary>
    public CsvLine Field(int value)
    {
        Separator();
        Ensure(11);
        value.TryFormat(_buf.AsSpan(_len), out int n, default, System.Globalization.CultureInfo.InvariantCulture);
        _len += n;
        return this;
    }

    /// <summary>Adds a 0/1 flag.</summary>
    public CsvLine Flag(bool value) => Field(value ? "1" : "0");

    /// <summary>Adds a date as dd/mm/yyyy, or a blank for <see cref="SimEpisode.Never"/>.</summary>
    public CsvLine Date(int day)
    {
        Separator();
        if (day == SimEpisode.Never) return this;
        var d = DateOnly.FromDayNumber(day);
        Ensure(10);
        Two(d.Day); _buf[_len++] = '/'; Two(d.Month); _buf[_len++] = '/';
        int y = d.Year;
        _buf[_len++] = (char)('0' + y / 1000); _buf[_len++] = (char)('0' + y / 100 % 10);
        _buf[_len++] = (char)('0' + y / 10 % 10); _buf[_len++] = (char)('0' + y % 10);
        return this;
    }

    /// <summary>Ends the line with '\n', writes it and clears the buffer.</summary>
    public void WriteTo(TextWriter writer)
    {
        Ensure(1);
        _buf[_len++] = '\n';
        writer.Write(_buf, 0, _len);
        _len = 0;
        _first = true;
    }

    private void Two(int v)
    {
        _buf[_len++] = (char)('0' + v / 10);
        _buf[_len++] = (char)('0' + v % 10);
    }

    private void Separator()
    {
        if (!_first) { Ensure(1); _buf[_len++] = ','; }
        _first = false;
    }

    private void Ensure(int extra)
    {
        if (_len + extra > _buf.Length) Array.Resize(ref _buf, Math.Max(_buf.Length * 2, _len + extra));
    }
}
