using System.Diagnostics;
using Qp.Store;

namespace Qp.Store.Tests;

/// <summary>What the output guard and the readers rely on: the kind of file behind a path, its identity, and real paths with linked folders resolved.</summary>
public sealed class LocalFileTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("qp-files-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string P(params string[] parts) => Path.Combine([dir, .. parts]);

    [Fact]
    public void Kinds_of_file_are_told_apart_with_links_followed()
    {
        File.WriteAllText(P("a.csv"), "x");
        File.CreateSymbolicLink(P("link.csv"), P("a.csv"));
        File.CreateSymbolicLink(P("dangling.csv"), P("nowhere.csv"));
        File.CreateSymbolicLink(P("zero.csv"), "/dev/zero");
        Process.Start("mkfifo", [P("pipe.csv")])!.WaitForExit();

        LocalFile.KindOf(P("a.csv")).Should().Be(FileKind.Regular);
        LocalFile.KindOf(P("link.csv")).Should().Be(FileKind.Regular);
        LocalFile.KindOf(P("dangling.csv")).Should().Be(FileKind.Missing);
        LocalFile.KindOf(P("zero.csv")).Should().Be(FileKind.Device);
        LocalFile.KindOf(P("pipe.csv")).Should().Be(FileKind.Pipe);
        LocalFile.KindOf(dir).Should().Be(FileKind.Directory);
        LocalFile.NotARegularFile(P("a.csv")).Should().BeNull();
        LocalFile.NotARegularFile(P("dangling.csv")).Should().Be("is a symbolic link to a file that does not exist");
    }

    [Fact]
    public void Real_paths_resolve_linked_folders_even_for_a_file_not_yet_written()
    {
        Directory.CreateDirectory(P("g"));
        Directory.CreateSymbolicLink(P("gl"), P("g"));
        Directory.CreateSymbolicLink(P("gl2"), "gl");   // a relative link to a link
        File.WriteAllText(P("g", "g.db"), "store");

        LocalFile.RealPath(P("gl", "g.db")).Should().Be(P("g", "g.db"));
        LocalFile.RealPath(P("gl2", "new.csv")).Should().Be(P("g", "new.csv"));
        LocalFile.RealPath(P("gl", "..", "g", "g.db")).Should().Be(P("g", "g.db"));
    }

    [Fact]
    public void A_hard_link_has_the_same_identity()
    {
        File.WriteAllText(P("a.db"), "store");
        Process.Start("ln", [P("a.db"), P("b.db")])!.WaitForExit();
        File.WriteAllText(P("c.db"), "store");
        LocalFile.Identity(P("b.db")).Should().Be(LocalFile.Identity(P("a.db"))).And.NotBeNull();
        LocalFile.Identity(P("c.db")).Should().NotBe(LocalFile.Identity(P("a.db")));
        LocalFile.Identity(P("none.db")).Should().BeNull();
    }
}
