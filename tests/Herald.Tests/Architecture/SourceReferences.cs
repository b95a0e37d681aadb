using System.Text.RegularExpressions;

namespace Herald.Tests.Architecture;

/// <summary>A type one feature folder names in another, as the source spells it.</summary>
public sealed record FeatureReference(string File, string FromFeature, string ToFeature, string Target);

/// <summary>
/// Which of Herald's own types (and views) each source file names, read from the text without a
/// compiler: the types declared per namespace, then in each file every name that one of its
/// namespaces, usings or qualifiers makes visible. Constants count (a compiler would inline them),
/// and so do views named by path (layouts, partials).
/// </summary>
public sealed partial class SourceReferences
{
    private readonly Dictionary<string, HashSet<string>> namespacesOfType = [];
    private readonly List<(string Path, string Text)> files;
    private readonly List<string> viewImports;

    /// <param name="files">Paths relative to src/Herald with '/' separators, and their text.</param>
    public SourceReferences(IEnumerable<(string Path, string Text)> files)
    {
        this.files = files.Select(f => (f.Path, WithoutComments(f.Text))).ToList();
        viewImports = this.files.Where(f => f.Path == "_ViewImports.cshtml")
            .SelectMany(f => UsingPattern().Matches(f.Text).Select(m => m.Groups["ns"].Value)).ToList();
        foreach (var (path, text) in this.files.Where(f => f.Path.EndsWith(".cs", StringComparison.Ordinal)))
        {
            var ns = NamespaceOf(path, text);
            foreach (Match declared in DeclarationPattern().Matches(text))
            {
                var name = declared.Groups["name"].Value;
                if (!namespacesOfType.TryGetValue(name, out var set))
                {
                    namespacesOfType[name] = set = [];
                }
                set.Add(ns);
            }
        }
    }

    /// <summary>Every src/Herald source file but build output and generated migrations.</summary>
    public static SourceReferences FromFolder(string root) => new(Directory
        .EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
        .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".cshtml", StringComparison.Ordinal))
        .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
        .Where(path => !path.StartsWith("bin/", StringComparison.Ordinal) && !path.StartsWith("obj/", StringComparison.Ordinal)
            && !path.Contains("/Migrations/", StringComparison.Ordinal))
        .Select(path => (path, File.ReadAllText(Path.Combine(root, path)))));

    /// <summary>The feature folder a namespace belongs to: Herald.Comments.Moderation → Comments.</summary>
    public static string? FeatureOf(string ns) => ns.Split('.') is ["Herald", var feature, ..] && feature != "Text" ? feature : null;

    public static string? FeatureOfPath(string path) => path.Split('/') is [var folder, _, ..] ? folder : null;

    /// <summary>True when the type name is declared in the feature (for checking lists of names against the code).</summary>
    public bool Declares(string feature, string typeName) =>
        namespacesOfType.TryGetValue(typeName, out var set) && set.Any(ns => FeatureOf(ns) == feature);

    public IEnumerable<FeatureReference> CrossFeature()
    {
        foreach (var (path, text) in files)
        {
            if (FeatureOfPath(path) is not { } feature)
            {
                continue;
            }
            var found = new HashSet<(string Feature, string Target)>();
            var ns = NamespaceOf(path, text);
            var parents = Enumerable.Range(1, ns.Split('.').Length).Select(n => string.Join('.', ns.Split('.').Take(n))).ToList();
            var visible = new HashSet<string>(parents);
            foreach (Match usingLine in UsingPattern().Matches(text))
            {
                var name = usingLine.Groups["ns"].Value;
                visible.Add(name);
                if (usingLine.Groups["static"].Success)
                {
                    AddQualified(found, name.Split('.'), parents);
                }
            }
            if (path.EndsWith(".cshtml", StringComparison.Ordinal))
            {
                visible.UnionWith(viewImports);
            }
            foreach (Match chain in QualifiedPattern().Matches(text))
            {
                AddQualified(found, chain.Value.Split('.'), parents);
            }
            foreach (Match token in NamePattern().Matches(text))
            {
                foreach (var owner in namespacesOfType.GetValueOrDefault(token.Value) ?? [])
                {
                    if (visible.Contains(owner) && FeatureOf(owner) is { } target)
                    {
                        found.Add((target, $"{owner}.{token.Value}"));
                    }
                }
            }
            foreach (Match view in ViewPattern().Matches(text))
            {
                found.Add((view.Groups["feature"].Value, view.Groups["path"].Value));
            }
            foreach (var (target, name) in found.Where(f => f.Feature != feature))
            {
                yield return new FeatureReference(path, feature, target, name);
            }
        }
    }

    /// <summary>A dotted name such as Herald.Newsroom.Media.MediaLibrary.MaxUploadBytes: each part that is a type of the namespace before it.</summary>
    private void AddQualified(HashSet<(string, string)> found, string[] parts, List<string> parents)
    {
        for (var i = 1; i < parts.Length; i++)
        {
            var qualifier = string.Join('.', parts.Take(i));
            if (!namespacesOfType.TryGetValue(parts[i], out var owners))
            {
                continue;
            }
            foreach (var candidate in parents.Select(p => $"{p}.{qualifier}").Prepend(qualifier))
            {
                if (owners.Contains(candidate) && FeatureOf(candidate) is { } target)
                {
                    found.Add((target, $"{candidate}.{parts[i]}"));
                }
            }
        }
    }

    /// <summary>A .cs file's declared namespace; a view's follows its folder (the @namespace Herald of _ViewImports).</summary>
    private static string NamespaceOf(string path, string text)
    {
        if (path.EndsWith(".cs", StringComparison.Ordinal))
        {
            return NamespacePattern().Match(text) is { Success: true } m ? m.Groups["ns"].Value : "Herald";
        }
        var folder = Path.GetDirectoryName(path)!.Replace('\\', '/');
        return folder.Length == 0 ? "Herald" : "Herald." + folder.Replace('/', '.');
    }

    private static string WithoutComments(string text) => LineComment().Replace(BlockComment().Replace(text, ""), "");

    [GeneratedRegex(@"/\*.*?\*/|@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    // "://" in an address is not a comment.
    [GeneratedRegex(@"(?<!:)//.*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();

    [GeneratedRegex(@"^\s*namespace\s+(?<ns>[\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespacePattern();

    [GeneratedRegex(@"^\s*@?using\s+(?<static>static\s+)?(?:\w+\s*=\s*)?(?<ns>Herald[\w.]*)\s*;?\s*$", RegexOptions.Multiline)]
    private static partial Regex UsingPattern();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(?<name>[A-Z]\w*)")]
    private static partial Regex DeclarationPattern();

    [GeneratedRegex(@"(?<![\w.])[A-Z]\w*(?:\.[A-Z]\w*)+")]
    private static partial Regex QualifiedPattern();

    [GeneratedRegex(@"(?<![\w.])[A-Z]\w*")]
    private static partial Regex NamePattern();

    [GeneratedRegex("\"~?(?<path>/(?<feature>[A-Z]\\w*)/[^\"]*\\.cshtml)\"")]
    private static partial Regex ViewPattern();
}