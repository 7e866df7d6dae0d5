using System.Text;
using Qp.Domain.Authorities;
using static Qp.Render.Html.Markup;

namespace Qp.Render.Html;

/// <summary>The edition's front page: what it is, England's overview, and every authority's page in a table that a script, when it runs, lets the reader filter by name or code.</summary>
internal static class IndexPage
{
    public static string Render(EditionPages e, IReadOnlyList<Authority> authorities)
    {
        var ctx = e.Context(null);
        var sb = new StringBuilder(16 * 1024);
        sb.Append($"<h1>Quality Protects performance, {Text(ctx.YearDisplay)}</h1>\n");
        sb.Append("<p>How each English local authority performed on the Quality Protects indicators for children looked after, beside England, " +
                  "its statistical neighbours and the national targets. Every chart is followed by a table of its figures.</p>\n");
        AuthorityPage.Facts(sb, ctx);
        sb.Append($"<p><a href=\"{HtmlEdition.EnglandFile}\">England: national overview, {Text(ctx.YearDisplay)}</a></p>\n");
        sb.Append("<h2 id=\"authorities\">Authorities</h2>\n");
        // Without script the table lists every authority; the search box appears only when the script that makes it work runs.
        sb.Append("<form class=\"search\" role=\"search\" hidden onsubmit=\"return false\">\n")
          .Append("<label for=\"q\">Search by authority name or code</label>\n")
          .Append("<input id=\"q\" type=\"search\" autocomplete=\"off\" aria-describedby=\"q-count\">\n")
          .Append($"<p id=\"q-count\" role=\"status\">{Sentences(authorities.Count)} shown.</p>\n</form>\n");
        Table(sb, "authorities-table", $"Authorities with a page in this edition ({authorities.Count})",
            [new("Code"), new("Authority"), new("Region"), new("Type")],
            authorities.Select(a => (IReadOnlyList<Cell>)[a.Code.ToString("000", System.Globalization.CultureInfo.InvariantCulture), new Cell(e.LinkTo(a.Code)), a.Region, a.Type]));
        return Shell.Page(e, $"Quality Protects performance {ctx.YearDisplay}: all authorities", sb.ToString(), Script);
    }

    private static string Sentences(int n) => Qp.Domain.Statements.Words.Count(n, "authority", "authorities");

    // Filters the rows as the reader types, matching the code or any part of the name, and says how many are shown.
    private const string Script = """
        (function () {
          var form = document.querySelector('form.search');
          var input = document.getElementById('q');
          var count = document.getElementById('q-count');
          var rows = Array.prototype.slice.call(document.querySelectorAll('#authorities-table tbody tr'));
          form.hidden = false;
          input.addEventListener('input', function () {
            var q = input.value.trim().toLowerCase();
            var shown = 0;
            rows.forEach(function (row) {
              var code = row.cells[0].textContent.trim();
              var name = row.cells[1].textContent.toLowerCase();
              var match = q === '' || code.indexOf(q) === 0 || name.indexOf(q) !== -1;
              row.hidden = !match;
              if (match) shown++;
            });
            count.textContent = shown + (shown === 1 ? ' authority' : ' authorities') + ' shown.';
          });
        })();

        """;
}
