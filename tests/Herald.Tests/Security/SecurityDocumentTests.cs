using System.Text.RegularExpressions;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Security;

/// <summary>docs/security.md keeps up with the code: every file it names as a defence exists.</summary>
public sealed partial class SecurityDocumentTests
{
    private static readonly string Document = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "security.md"));

    [Fact]
    public void Every_source_file_the_document_names_exists()
    {
        var named = SourcePath().Matches(Document).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(named.Count > 30, $"only {named.Count} files named");
        var missing = named.Where(path => !File.Exists(path.StartsWith("tests/", StringComparison.Ordinal)
            ? Path.Combine(RepositoryPaths.Root, path)
            : Path.Combine(RepositoryPaths.Root, "src", "Herald", path))).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void The_readme_links_to_it_and_it_says_how_to_report_privately()
    {
        Assert.Contains("docs/security.md", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")));
        Assert.Contains("security advisory", Document);
        Assert.Contains(XssCorpus.FileName, Document);
    }

    [GeneratedRegex(@"`((?:tests/)?\w+/[\w/.]+\.(?:cs|cshtml|txt))`")]
    private static partial Regex SourcePath();
}