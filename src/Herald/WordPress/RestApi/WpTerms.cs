using System.Linq.Expressions;
using System.Text.Json.Nodes;
using Herald.Articles;
using Herald.Storage;

namespace Herald.WordPress.RestApi;

/// <summary>
/// A category or tag as the API shows it, with the number of published stories in it (stored, see <see cref="Herald.Articles.Writing.TermCounts"/>). A settable
/// class, not a positional record: EF composes filters and orderings over member-init projections only.
/// </summary>
public sealed class WpTermRow
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    public string? Description { get; init; }
    public int? ParentId { get; init; }
    public int Count { get; init; }
}

/// <summary>Categories and tags: WordPress's term shape, shared by their routes and by _embed's wp:term.</summary>
public static class WpTerms
{
    public const string Category = "category";
    public const string Tag = "post_tag";

    /// <summary>Sections with their stored count of public stories (<see cref="Category.PublicStoryCount"/>), never counted per request.</summary>
    public static IQueryable<WpTermRow> Categories(HeraldDbContext db)
    {
        return db.Categories.Select(c => new WpTermRow
        {
            Id = c.Id,
            Name = c.Name,
            Slug = c.Slug,
            Description = c.Description,
            ParentId = c.ParentId,
            Count = c.PublicStoryCount,
        });
    }

    /// <summary>Tags with their stored count of public stories (<see cref="Tag.PublicStoryCount"/>).</summary>
    public static IQueryable<WpTermRow> Tags(HeraldDbContext db)
    {
        return db.Tags.Select(t => new WpTermRow
        {
            Id = t.Id,
            Name = t.Name,
            Slug = t.Slug,
            Description = null,
            ParentId = null,
            Count = t.PublicStoryCount,
        });
    }

    /// <summary>
    /// Terms as embedded in a post (WordPress's "embed" context): no count, description or parent,
    /// so no count of every published article in the section has to be made for each request.
    /// </summary>
    public static IQueryable<WpTermRow> Embeddable(IQueryable<Category> categories) =>
        categories.Select(c => new WpTermRow { Id = c.Id, Name = c.Name, Slug = c.Slug });

    public static IQueryable<WpTermRow> Embeddable(IQueryable<Tag> tags) =>
        tags.Select(t => new WpTermRow { Id = t.Id, Name = t.Name, Slug = t.Slug });

    /// <summary>A term in WordPress's "embed" context: id, link, name, slug, taxonomy and links.</summary>
    public static JsonObject ToEmbeddedJson(WpTermRow term, string taxonomy, WpContext context)
    {
        var json = ToJson(term, taxonomy, context);
        json.Remove("count");
        json.Remove("description");
        json.Remove("parent");
        json.Remove("meta");
        return json;
    }

    public static string RouteOf(string taxonomy) => taxonomy == Category ? "categories" : "tags";

    public static JsonObject ToJson(WpTermRow term, string taxonomy, WpContext context)
    {
        var route = RouteOf(taxonomy);
        var json = new JsonObject
        {
            ["id"] = term.Id,
            ["count"] = term.Count,
            ["description"] = term.Description ?? "",
            ["link"] = context.Absolute(taxonomy == Category ? ArticleUrls.Category(term.Slug) : ArticleUrls.Tag(term.Slug)),
            ["name"] = term.Name,
            ["slug"] = term.Slug,
            ["taxonomy"] = taxonomy,
        };
        if (taxonomy == Category)
        {
            json["parent"] = term.ParentId ?? 0;
        }
        json["meta"] = new JsonArray();
        var links = new WpLinks()
            .Add("self", context.Route($"{route}/{term.Id}"))
            .Add("collection", context.Route(route))
            .Add("about", context.Route($"taxonomies/{taxonomy}"));
        if (term.ParentId is { } parent)
        {
            links.Add("up", context.Route($"{route}/{parent}"), embeddable: true);
        }
        links.Add("wp:post_type", context.Route($"posts?{route}={term.Id}"));
        json["_links"] = links.WithCuries();
        return json;
    }

    /// <summary>The order WordPress's orderby names for terms.</summary>
    public static IQueryable<WpTermRow> Order(IQueryable<WpTermRow> terms, string orderBy, bool descending) => orderBy switch
    {
        "id" => By(terms, t => t.Id, descending),
        "slug" => By(terms, t => t.Slug, descending),
        "count" => descending ? terms.OrderByDescending(t => t.Count).ThenByDescending(t => t.Id) : terms.OrderBy(t => t.Count).ThenBy(t => t.Id),
        "description" => By(terms, t => t.Description, descending),
        _ => descending ? terms.OrderByDescending(t => t.Name).ThenByDescending(t => t.Id) : terms.OrderBy(t => t.Name).ThenBy(t => t.Id),
    };

    private static IQueryable<WpTermRow> By<TKey>(IQueryable<WpTermRow> terms, Expression<Func<WpTermRow, TKey>> key, bool descending) =>
        descending ? terms.OrderByDescending(key).ThenByDescending(t => t.Id) : terms.OrderBy(key).ThenBy(t => t.Id);
}