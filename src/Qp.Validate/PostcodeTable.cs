using System.IO.Compression;

namespace Qp.Validate;

/// <summary>
/// A compact postcode directory: each postcode packed into a number, kept in sorted arrays with its grid reference and an index
/// into a small table of authority codes (about 18 bytes a postcode: the ONS directory's 2.6 million postcodes in under 50 MB).
/// </summary>
public sealed class PostcodeTable : IPostcodeDirectory
{
    private readonly long[] keys;
    private readonly int[] eastings, northings;
    private readonly ushort[] authorityOf;
    private readonly string[] authorities;

    private PostcodeTable(long[] keys, int[] eastings, int[] northings, ushort[] authorityOf, string[] authorities) =>
        (this.keys, this.eastings, this.northings, this.authorityOf, this.authorities) = (keys, eastings, northings, authorityOf, authorities);

    /// <summary>An empty table.</summary>
    public static readonly PostcodeTable Empty = new([], [], [], [], []);

    /// <summary>How many postcodes the table holds.</summary>
    public int Count => keys.Length;

    /// <inheritdoc />
    public bool IsEmpty => keys.Length == 0;

    /// <inheritdoc />
    public PostcodeInfo? Find(string postcode)
    {
        // The rules on one episode ask for its two postcodes (home, placement) a dozen times between them: the last two are kept.
        var a = recent;
        if (a is not null && string.Equals(a.Postcode, postcode, StringComparison.Ordinal)) return a.Info;
        var b = older;
        if (b is not null && string.Equals(b.Postcode, postcode, StringComparison.Ordinal))
        {
            (recent, older) = (b, a);
            return b.Info;
        }
        int i = Key(postcode) is { } k ? Array.BinarySearch(keys, k) : -1;
        var info = i < 0 ? null : new PostcodeInfo(eastings[i], northings[i], authorities[authorityOf[i]]);
        (recent, older) = (new Found(postcode, info), a);
        return info;
    }

    private sealed record Found(string Postcode, PostcodeInfo? Info);

    private Found? recent, older;

    /// <summary>The postcode packed into a number (letters and digits only, any case, spaces ignored), or null when it cannot be a postcode.</summary>
    public static long? Key(string postcode)
    {
        long key = 0;
        int n = 0;
        foreach (char ch in postcode)
        {
            int v = ch switch { >= '0' and <= '9' => ch - '0' + 1, >= 'A' and <= 'Z' => ch - 'A' + 11, >= 'a' and <= 'z' => ch - 'a' + 11, ' ' => 0, _ => -1 };
            if (v < 0) return null;
            if (v == 0) continue;
            if (++n > 8) return null;
            key = key * 37 + v;
        }
        return n < 2 ? null : key;
    }

    /// <summary>Collects postcodes for a table; the first entry of a postcode listed twice wins.</summary>
    public sealed class Builder
    {
        private readonly List<long> keys = [];
        private readonly List<int> eastings = [], northings = [];
        private readonly List<ushort> authorityOf = [];
        private readonly Dictionary<string, ushort> authorityIndex = new(StringComparer.Ordinal);
        private readonly List<string> authorities = [];

        /// <summary>Adds a postcode; false when it cannot be a postcode or there are already 65,535 authority codes.</summary>
        public bool Add(string postcode, int easting, int northing, string authority)
        {
            if (Key(postcode) is not { } k) return false;
            if (!authorityIndex.TryGetValue(authority, out var a))
            {
                if (authorities.Count == ushort.MaxValue) return false;
                authorityIndex[authority] = a = (ushort)authorities.Count;
                authorities.Add(authority);
            }
            keys.Add(k);
            eastings.Add(easting);
            northings.Add(northing);
            authorityOf.Add(a);
            return true;
        }

        /// <summary>The table of everything added, sorted for look-up.</summary>
        public PostcodeTable Build()
        {
            var k = keys.ToArray();
            var order = Enumerable.Range(0, k.Length).ToArray();
            // The sort is not stable: of equal keys, the entry added first (lowest order) is kept.
            Array.Sort(k, order);
            int n = 0;
            var e = new int[k.Length];
            var no = new int[k.Length];
            var a = new ushort[k.Length];
            for (int i = 0; i < k.Length;)
            {
                int j = i, first = order[i];
                while (j < k.Length && k[j] == k[i]) { first = Math.Min(first, order[j]); j++; }
                k[n] = k[i];
                e[n] = eastings[first];
                no[n] = northings[first];
                a[n] = authorityOf[first];
                n++;
                i = j;
            }
            // Copied only when duplicates were dropped: at 2.6 million postcodes each copy is tens of MB.
            return n == k.Length ? new PostcodeTable(k, e, no, a, [.. authorities])
                : new PostcodeTable(k[..n], e[..n], no[..n], a[..n], [.. authorities]);
        }
    }

    private const int Format = 1;

    /// <summary>The table as compressed bytes (keys as differences, all numbers as variable-length integers), for storing.</summary>
    public byte[] ToBytes()
    {
        using var mem = new MemoryStream();
        using (var z = new DeflateStream(mem, CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new BinaryWriter(z))
        {
            w.Write(Format);
            w.Write(authorities.Length);
            foreach (var a in authorities) w.Write(a);
            w.Write(keys.Length);
            long last = 0;
            for (int i = 0; i < keys.Length; i++)
            {
                w.Write7BitEncodedInt64(keys[i] - last);
                last = keys[i];
                w.Write7BitEncodedInt(eastings[i]);
                w.Write7BitEncodedInt(northings[i]);
                w.Write7BitEncodedInt(authorityOf[i]);
            }
        }
        return mem.ToArray();
    }

    /// <summary>Reads a table written by <see cref="ToBytes"/>; corrupt bytes are an <see cref="InvalidDataException"/>.</summary>
    public static PostcodeTable FromBytes(byte[] bytes) => FromStream(new MemoryStream(bytes));

    /// <summary>Reads a table written by <see cref="ToBytes"/> from <paramref name="stored"/> (e.g. the store's blob, read in place); corrupt bytes are an <see cref="InvalidDataException"/>.</summary>
    public static PostcodeTable FromStream(Stream stored)
    {
        try
        {
            using var z = new DeflateStream(stored, CompressionMode.Decompress);
            using var r = new BinaryReader(new BufferedStream(z, 1 << 16));
            if (r.ReadInt32() != Format) throw new InvalidDataException("the stored postcode directory has an unknown format");
            var authorities = new string[Check(r.ReadInt32(), ushort.MaxValue)];
            for (int i = 0; i < authorities.Length; i++) authorities[i] = r.ReadString();
            int n = Check(r.ReadInt32(), 50_000_000);
            var k = new long[n];
            var e = new int[n];
            var no = new int[n];
            var a = new ushort[n];
            long last = 0;
            for (int i = 0; i < n; i++)
            {
                k[i] = last += r.Read7BitEncodedInt64();
                e[i] = r.Read7BitEncodedInt();
                no[i] = r.Read7BitEncodedInt();
                a[i] = (ushort)Check(r.Read7BitEncodedInt(), authorities.Length - 1);
            }
            return new PostcodeTable(k, e, no, a, authorities);
        }
        catch (Exception ex) when (ex is EndOfStreamException or FormatException or IOException)
        {
            throw new InvalidDataException($"the stored postcode directory is corrupt: {ex.Message}");
        }
    }

    private static int Check(int v, int max) => v >= 0 && v <= max ? v : throw new InvalidDataException("the stored postcode directory is corrupt");
}
