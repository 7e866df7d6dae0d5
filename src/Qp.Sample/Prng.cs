namespace Qp.Sample;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a small, fully specified generator, so the same seed gives the
/// same numbers on every .NET version (System.Random's algorithm is unspecified and may change).
/// </summary>
public sealed class Prng
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>A generator whose stream is determined by <paramref name="keys"/> alone (e.g. seed, authority, child).</summary>
    public Prng(params ulong[] keys)
    {
        ulong sm = Mix(keys);
        _s0 = SplitMix(ref sm); _s1 = SplitMix(ref sm); _s2 = SplitMix(ref sm); _s3 = SplitMix(ref sm);
    }

    /// <summary>Folds <paramref name="keys"/> into one 64-bit value (order matters), for seeding and stateless draws.</summary>
    public static ulong Mix(params ulong[] keys)
    {
        ulong h = 0x243F6A8885A308D3UL;
        foreach (var k in keys)
        {
            ulong x = h ^ k;
            h = SplitMix(ref x);
        }
        return h;
    }

    /// <summary>A uniform double in [0, 1) determined by <paramref name="keys"/> alone: a draw that needs no stream.</summary>
    public static double Hash01(params ulong[] keys) => (Mix(keys) >> 11) * (1.0 / (1UL << 53));

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="n"/>).</summary>
    public int Next(int n) => (int)((NextUInt64() >> 33) % (ulong)n);

    /// <summary>A uniform integer in [<paramref name="lo"/>, <paramref name="hi"/>] inclusive.</summary>
    public int Between(int lo, int hi) => lo + Next(hi - lo + 1);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>An exponential variate with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>A standard normal variate (Box–Muller, one value per call).</summary>
    public double Normal()
    {
        double u = 1.0 - NextDouble(), v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    /// <summary>One of <paramref name="items"/>, chosen with the given relative weights.</summary>
    public T Pick<T>(ReadOnlySpan<(T Item, double Weight)> items)
    {
        double total = 0;
        foreach (var (_, w) in items) total += w;
        double r = NextDouble() * total;
        foreach (var (item, w) in items)
        {
            if (r < w) return item;
            r -= w;
        }
        return items[^1].Item;
    }
}
