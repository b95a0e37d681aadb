using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Herald.Tests.Discovery;

/// <summary>Validates sitemaps against the sitemaps.org and Google News schemas kept in Discovery/Schemas.</summary>
public static class XmlChecks
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet();
        foreach (var file in new[] { "sitemap.xsd", "sitemap-news.xsd" })
        {
            using var reader = XmlReader.Create(Path.Combine(AppContext.BaseDirectory, "Discovery", "Schemas", file));
            set.Add(null, reader);
        }
        set.Compile();
        return set;
    });

    /// <summary>Every schema error in the document, empty when it is valid.</summary>
    public static List<string> SitemapErrors(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }
        return errors;
    }

    public static XNamespace Sitemap => "http://www.sitemaps.org/schemas/sitemap/0.9";
}