using System.Linq.Expressions;
using System.Text.Json.Nodes;

namespace Herald.WordPress.RestApi;

/// <summary>
/// What the /wp/v2 lists of users, terms, comments and media read and do alike: the context
/// check, paging, search, include and exclude, orderby and order; the id filters; and the page
/// of JSON they answer, in the order of the include list when orderby=include asks for it.
/// </summary>
public sealed record WpListing(WpPaging Paging, string? Search, IReadOnlyList<int>? Include, IReadOnlyList<int>? Exclude, string OrderBy, bool Descending)
{
    public static WpListing Read(WpParameters p, IReadOnlyList<string> orderBys, string defaultOrderBy, string defaultOrder)
    {
        WpPostEndpoints.CheckContext(p);
        return new WpListing(WpPaging.Read(p), p.Text("search"), p.Ids("include"), p.Ids("exclude"),
            p.Choice("orderby", defaultOrderBy, orderBys), p.Choice("order", defaultOrder, ["asc", "desc"]) == "desc");
    }

    /// <summary>The lowered search words, or null when none were given.</summary>
    public string? Needle => string.IsNullOrWhiteSpace(Search) ? null : Search.Trim().ToLowerInvariant();

    /// <summary>orderby=include with an include list: the rows come in the list's order.</summary>
    public bool InListedOrder => OrderBy == "include" && Include is not null;

    /// <summary>Keeps the ids include names and drops those exclude names.</summary>
    public IQueryable<T> ById<T>(IQueryable<T> rows, Expression<Func<T, int>> id)
    {
        if (Include is { } include)
        {
            rows = rows.Where(Contains(id, include, keep: true));
        }
        if (Exclude is { } exclude)
        {
            rows = rows.Where(Contains(id, exclude, keep: false));
        }
        return rows;
    }

    /// <summary>This page of rows already read in full (at most the hundred include may list), in the list's order.</summary>
    public IEnumerable<T> PageInListedOrder<T>(IEnumerable<T> all, Func<T, int> id) =>
        all.OrderBy(row => Place(Include!, id(row))).Skip(Paging.Skip).Take(Paging.PerPage);

    public WpResult Answer<T>(IEnumerable<T> rows, Func<T, JsonNode> toJson, int total) =>
        new WpResult.Page(new JsonArray(rows.Select(toJson).ToArray()), total, Paging.Page, Paging.PerPage);

    /// <summary>Where a value stands in a list asked for; values it does not name go last.</summary>
    public static int Place<T>(IReadOnlyList<T> list, T value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(list[i], value))
            {
                return i;
            }
        }
        return int.MaxValue;
    }

    /// <summary>A single item's request: only the context parameter means anything.</summary>
    public static void ReadOne(WpContext context)
    {
        WpPostEndpoints.CheckContext(context.Parameters);
        context.Parameters.ThrowIfInvalid();
    }

    // ids.Contains(id(row)), with the list held as a captured value so the database gets it as a parameter.
    private static Expression<Func<T, bool>> Contains<T>(Expression<Func<T, int>> id, IReadOnlyList<int> ids, bool keep)
    {
        var list = Expression.Property(Expression.Constant(new IdList(ids)), nameof(IdList.Ids));
        Expression test = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)], list, id.Body);
        return Expression.Lambda<Func<T, bool>>(keep ? test : Expression.Not(test), id.Parameters);
    }

    private sealed record IdList(IReadOnlyList<int> Ids);
}