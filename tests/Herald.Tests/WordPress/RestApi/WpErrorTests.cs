using System.Net;
using System.Text.Json.Nodes;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.WordPress.RestApi;

/// <summary>Every bad request answers WordPress's error object with WordPress's code and status.</summary>
public sealed class WpErrorTests(SqliteWpSite site) : IClassFixture<SqliteWpSite>
{
    private HeraldTestServer Server => site.RequireServer();

    [Fact]
    public async Task Per_page_out_of_range_is_exactly_wordpress_error()
    {
        var (response, json, _) = await WpApi.GetAsync(Server, "posts?per_page=500");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var expected = JsonNode.Parse("""
            {"code":"rest_invalid_param","message":"Invalid parameter(s): per_page","data":{"status":400,
             "params":{"per_page":"per_page must be between 1 (inclusive) and 100 (inclusive)"}}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, json), json.ToJsonString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("posts?per_page=0", "per_page", "per_page must be between 1 (inclusive) and 100 (inclusive)")]
    [InlineData("posts?per_page=ten", "per_page", "per_page is not of type integer.")]
    [InlineData("posts?page=0", "page", "page must be between 1 (inclusive) and 100000 (inclusive)")]
    [InlineData("posts?orderby=popularity", "orderby", "orderby is not one of author, date, id, include, modified, parent, relevance, slug, include_slugs, title.")]
    [InlineData("posts?order=sideways", "order", "order is not one of asc, desc.")]
    [InlineData("posts?after=yesterday", "after", "Invalid date.")]
    [InlineData("posts?before=2024-13-45T99:00:00", "before", "Invalid date.")]
    [InlineData("posts?categories=news", "categories", "categories[0] is not of type integer.")]
    [InlineData("posts?tags=1,x", "tags", "tags[1] is not of type integer.")]
    [InlineData("posts?sticky=perhaps", "sticky", "sticky is not of type boolean.")]
    [InlineData("posts?status=draft", "status", "Status is forbidden.")]
    [InlineData("posts?offset=-1", "offset", "offset must be between 0 (inclusive) and 10000000 (inclusive)")]
    [InlineData("categories?hide_empty=maybe", "hide_empty", "hide_empty is not of type boolean.")]
    [InlineData("comments?post=abc", "post", "post[0] is not of type integer.")]
    [InlineData("media?media_type=hologram", "media_type", "media_type is not one of image, video, text, application, audio.")]
    [InlineData("search?type=term", "type", "type is not one of post.")]
    [InlineData("users?per_page=101", "per_page", "per_page must be between 1 (inclusive) and 100 (inclusive)")]
    public async Task Bad_parameters_name_the_parameter_and_why(string route, string parameter, string message)
    {
        var error = await WpApi.ErrorAsync(Server, route, HttpStatusCode.BadRequest, "rest_invalid_param");

        Assert.Equal($"Invalid parameter(s): {parameter}", (string?)error["message"]);
        Assert.Equal(message, (string?)error["data"]!["params"]![parameter]);
    }

    [Fact]
    public async Task Several_bad_parameters_are_all_named_at_once()
    {
        var error = await WpApi.ErrorAsync(Server, "posts?page=x&per_page=1000&order=up", HttpStatusCode.BadRequest, "rest_invalid_param");

        Assert.Equal("Invalid parameter(s): page, per_page, order", (string?)error["message"]);
        Assert.Equal(["page", "per_page", "order"], WpApi.Keys(error["data"]!["params"]));
    }

    [Fact]
    public async Task Oversized_inputs_are_refused_with_a_clear_reason()
    {
        var longSearch = new string('a', 201);
        var error = await WpApi.ErrorAsync(Server, $"posts?search={longSearch}", HttpStatusCode.BadRequest, "rest_invalid_param");
        Assert.Equal("search must be at most 200 characters long.", (string?)error["data"]!["params"]!["search"]);

        var manyIds = string.Join(',', Enumerable.Range(1, 101));
        error = await WpApi.ErrorAsync(Server, $"posts?include={manyIds}", HttpStatusCode.BadRequest, "rest_invalid_param");
        Assert.Equal("include must contain at most 100 items.", (string?)error["data"]!["params"]!["include"]);

        error = await WpApi.ErrorAsync(Server, $"tags?slug={new string('s', 300)}", HttpStatusCode.BadRequest, "rest_invalid_param");
        Assert.Equal("slug items must be at most 200 characters long.", (string?)error["data"]!["params"]!["slug"]);

        error = await WpApi.ErrorAsync(Server, "posts?page=1&page=2", HttpStatusCode.BadRequest, "rest_invalid_param");
        Assert.Equal("page must be given once.", (string?)error["data"]!["params"]!["page"]);
        await WpApi.ErrorAsync(Server, "posts?categories=99999999999", HttpStatusCode.BadRequest, "rest_invalid_param");
    }

    [Fact]
    public async Task A_page_past_the_end_is_refused_but_an_empty_first_page_is_not()
    {
        await site.SeedAsync();
        await WpApi.ErrorAsync(Server, "posts?page=9999", HttpStatusCode.BadRequest, "rest_post_invalid_page_number");
        await WpApi.ErrorAsync(Server, "comments?page=9999", HttpStatusCode.BadRequest, "rest_comment_invalid_page_number");
        await WpApi.ErrorAsync(Server, "media?page=9999", HttpStatusCode.BadRequest, "rest_post_invalid_page_number");
        await WpApi.ErrorAsync(Server, "search?search=lighthouse&page=9999", HttpStatusCode.BadRequest, "rest_search_invalid_page_number");
        Assert.Empty(await WpApi.ListAsync(Server, "posts?search=qqqqxyzzy&page=3"));
    }

    [Theory]
    [InlineData("posts/999999", "rest_post_invalid_id")]
    [InlineData("posts/99999999999", "rest_post_invalid_id")]
    [InlineData("pages/999999", "rest_post_invalid_id")]
    [InlineData("media/999999", "rest_post_invalid_id")]
    [InlineData("categories/999999", "rest_term_invalid")]
    [InlineData("tags/999999", "rest_term_invalid")]
    [InlineData("users/999999", "rest_user_invalid_id")]
    [InlineData("comments/999999", "rest_comment_invalid_id")]
    [InlineData("types/book", "rest_type_invalid")]
    [InlineData("taxonomies/genre", "rest_taxonomy_invalid")]
    public async Task Unknown_ids_are_404_with_wordpress_codes(string route, string code)
    {
        await WpApi.ErrorAsync(Server, route, HttpStatusCode.NotFound, code);
    }

    [Theory]
    [InlineData("/wp-json/wp/v2/books")]
    [InlineData("/wp-json/wp/v2/posts/abc")]
    [InlineData("/wp-json/wp/v2/posts/1/revisions")]
    [InlineData("/wp-json/wc/v3/products")]
    [InlineData("/wp-json/wp/v2/settings")]
    public async Task Unknown_routes_are_rest_no_route(string path)
    {
        await WpApi.ErrorAsync(Server, path, HttpStatusCode.NotFound, "rest_no_route");
    }

    [Fact]
    public async Task Writes_without_an_application_password_are_refused_as_wordpress_refuses_them()
    {
        using var client = Server.CreateClient();
        var response = await client.PostAsync("/wp-json/wp/v2/posts", new StringContent("""{"title":"x"}""", System.Text.Encoding.UTF8, "application/json"));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("rest_not_logged_in", (string?)json["code"]);
        response = await client.DeleteAsync("/wp-json/wp/v2/posts/1");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // Routes WordPress has but Herald does not write are still no route.
        response = await client.PostAsync("/wp-json/wp/v2/pages", new StringContent("""{"title":"x"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("posts?context=edit", HttpStatusCode.Unauthorized, "rest_forbidden_context")]
    [InlineData("posts?orderby=relevance", HttpStatusCode.BadRequest, "rest_no_search_term_defined")]
    [InlineData("posts?orderby=include", HttpStatusCode.BadRequest, "rest_orderby_include_missing_include")]
    [InlineData("users?orderby=email", HttpStatusCode.Unauthorized, "rest_forbidden_orderby")]
    [InlineData("users?roles=administrator", HttpStatusCode.Unauthorized, "rest_user_cannot_view")]
    [InlineData("comments?status=hold", HttpStatusCode.Unauthorized, "rest_forbidden_param")]
    [InlineData("comments?author_email=a@b.c", HttpStatusCode.Unauthorized, "rest_forbidden_param")]
    public async Task What_needs_an_account_is_refused_as_wordpress_refuses_it(string route, HttpStatusCode status, string code)
    {
        await WpApi.ErrorAsync(Server, route, status, code);
    }
}