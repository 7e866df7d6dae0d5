using System.Text.RegularExpressions;
using Qp.Tests.Shared;

namespace Qp.Cli.Tests;

/// <summary>The README stays short, links every docs page, and no page links to something missing or outside the repository.</summary>
public sealed partial class DocumentationTests
{
    private static readonly string Root = RealData.RepoRoot;

    private static IEnumerable<string> Pages() =>
        Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md").Append(Path.Combine(Root, "README.md"));

    [Fact]
    public void The_readme_is_at_most_250_lines_and_links_every_docs_page()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        readme.Split('\n').Length.Should().BeLessThanOrEqualTo(250);
        foreach (var page in Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md"))
            readme.Should().Contain($"(docs/{Path.GetFileName(page)})", "every docs page is linked from the README");
    }

    [Fact]
    public void Every_relative_link_resolves_and_no_page_cites_a_document_outside_the_repository()
    {
        var broken = new List<string>();
        foreach (var page in Pages())
        {
            var text = File.ReadAllText(page);
            if (text.Contains("SPEC §", StringComparison.Ordinal)) broken.Add($"{Path.GetFileName(page)} cites SPEC §, which is not in the repository");
            foreach (Match m in Link().Matches(text))
            {
                var target = m.Groups["t"].Value;
                if (target.StartsWith("http", StringComparison.Ordinal) || target.StartsWith('#')) continue;
                var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, target.Split('#')[0]));
                if (!File.Exists(path) && !Directory.Exists(path)) broken.Add($"{Path.GetFileName(page)}: {target}");
            }
        }
        broken.Should().BeEmpty();
    }

    [GeneratedRegex(@"\]\((?<t>[^)\s]+)\)")]
    private static partial Regex Link();
}
