using System.Net;
using Herald.Articles;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Herald.Tests.Newsroom;

/// <summary>What a person does in the editor, as form posts, and a look at what got stored.</summary>
public static class NewsroomWriting
{
    public static Dictionary<string, string> Fields(string headline, string body, params (string Name, string Value)[] more)
    {
        var fields = new Dictionary<string, string> { ["Form.Headline"] = headline, ["Form.Body"] = body };
        foreach (var (name, value) in more)
        {
            fields[name] = value;
        }
        return fields;
    }

    /// <summary>Posts the editor form (new article when id is 0) with the button named by action.</summary>
    public static Task<HttpResponseMessage> PostEditorAsync(this NewsroomSession session, int id, Dictionary<string, string> fields, string action = "save")
    {
        var path = id == 0 ? "/newsroom/articles/edit" : $"/newsroom/articles/edit/{id}";
        var body = new Dictionary<string, string>(fields) { ["action"] = action };
        if (id != 0 && !body.ContainsKey("Form.Version"))
        {
            body["Form.Version"] = "-1";
        }
        // The token comes from the dashboard, which every role may open, so forbidden pages can be tried too.
        return session.PostFormAsync(path, body, formPage: "/newsroom");
    }

    /// <summary>Writes a new article and returns its id, read from the redirect to its editor.</summary>
    public static async Task<int> WriteAsync(this NewsroomSession session, string headline, string body = "Some words.", string action = "save", params (string Name, string Value)[] more)
    {
        var response = await session.PostEditorAsync(0, Fields(headline, body, more), action);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Saves an existing article with the version the editor form shows now, as a person would.</summary>
    public static async Task<HttpResponseMessage> EditAsync(this NewsroomSession session, HeraldTestServer server, int id, string headline, string body, string action = "save", params (string Name, string Value)[] more)
    {
        var article = await LoadAsync(server, id);
        var fields = Fields(headline, body, more);
        fields["Form.Version"] = article.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields.TryAdd("Form.Slug", article.Slug);
        return await session.PostEditorAsync(id, fields, action);
    }

    public static async Task<Article> LoadAsync(HeraldTestServer server, int id)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        return await db.Articles.AsNoTracking().Include(a => a.OldSlugs).Include(a => a.Authors).ThenInclude(b => b.Author)
            .FirstAsync(a => a.Id == id);
    }

    public static async Task<string> PublicUrlAsync(HeraldTestServer server, int id)
    {
        var article = await LoadAsync(server, id);
        await using var scope = server.Services.CreateAsyncScope();
        var zone = (await scope.ServiceProvider.GetRequiredService<Herald.Site.SiteState>().GetAsync()).Settings.TimeZone;
        return ArticleUrls.For(article.PublishedAt!.Value, article.Slug, zone);
    }

    /// <summary>An id of an article someone else wrote: a demo article.</summary>
    public static async Task<int> SomeoneElsesArticleAsync(HeraldTestServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        return await db.Articles.Where(a => a.CreatedByUserId == null).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
    }
}