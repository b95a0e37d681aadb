using System.Text.Json.Nodes;

namespace Herald.WordPress.RestApi;

/// <summary>What a handler answers: one object, or one page of a collection with what the paging headers need.</summary>
public abstract record WpResult
{
    public sealed record One(JsonNode Body) : WpResult;

    public sealed record Page(JsonArray Items, int Total, int PageNumber, int PerPage) : WpResult
    {
        public int TotalPages => Total == 0 ? 0 : (Total + PerPage - 1) / PerPage;
    }
}

/// <summary>The usual paging parameters of a collection route, read and checked once.</summary>
public sealed record WpPaging(int Page, int PerPage, int? Offset)
{
    public const int MaxPage = 100_000;

    public int Skip => Offset ?? (Page - 1) * PerPage;

    public static WpPaging Read(WpParameters parameters) => new(
        parameters.Int("page", 1, 1, MaxPage),
        parameters.Int("per_page", 10, 1, 100),
        parameters.OptionalInt("offset", 0, 10_000_000));

    /// <summary>WordPress refuses a page past the last one (but answers an empty first page).</summary>
    public void EnsureExists(int total, string errorCode)
    {
        var pages = total == 0 ? 0 : (total + PerPage - 1) / PerPage;
        if (Offset is null && total > 0 && Page > pages)
        {
            throw WpRestError.PageTooLarge(errorCode);
        }
    }
}