using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Herald.Accounts;
using Herald.Tests.Comments;
using Herald.Tests.Infrastructure;
using Herald.Tests.Newsroom;

namespace Herald.Tests.Security;

/// <summary>
/// Writes the corpus into Herald the way each kind of person would: an Author's uploads, a
/// Contributor's submitted stories, an Editor publishing them, visitors' comments, all over HTTP
/// through the real forms. A refused form is kept as an <see cref="XssAnswer"/>, since the page
/// that refuses shows the payload back to the person who typed it.
/// </summary>
public sealed class XssInputs(HeraldTestServer server, IReadOnlyList<XssPayload> payloads, string beacon)
{
    public const string Password = "correct horse battery";

    public List<XssAnswer> Refusals { get; } = [];

    /// <summary>Payload number → the id of the story the Contributor wrote with it.</summary>
    public Dictionary<int, int> Stories { get; } = [];

    /// <summary>Payload number → the form fields the story was finally accepted with.</summary>
    public Dictionary<int, Dictionary<string, string>> StoryFields { get; } = [];

    public Dictionary<int, int> Media { get; } = [];

    public List<int> Comments { get; } = [];

    /// <summary>Every placement code written somewhere: what the pages must be seen to carry.</summary>
    public HashSet<int> Placed { get; } = [];

    public async Task UploadPicturesAsync()
    {
        using var author = await NewsroomSession.SignInAsync(server, "xss-author@example.org", Roles.Author, Password);
        var picture = MediaTests.Png(24, 16);
        foreach (var payload in payloads)
        {
            var words = new[] { XssField.MediaAlt, XssField.MediaCaption, XssField.MediaCredit }.Select(f => Place(payload, f)).ToArray();
            var response = await UploadAsync(author, picture, $"xss-{payload.Number}.png", words[0], words[1], words[2]);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                Refusals.Add(await XssAnswer.FromAsync($"media-{payload.Number}", response));
                response = await UploadAsync(author, picture, $"xss-{payload.Number}.png", "", "", "");
            }
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"upload {payload.Number}: {response.StatusCode}");
            Media[payload.Number] = IdFrom(response);
        }
    }

    /// <summary>Each payload in every field of one story, submitted for review; refused fields are dropped one by one.</summary>
    public async Task SubmitStoriesAsync()
    {
        using var contributor = await NewsroomSession.SignInAsync(server, "xss-contributor@example.org", Roles.Contributor, Password);
        foreach (var payload in payloads)
        {
            var fields = new Dictionary<string, string>
            {
                ["Form.Headline"] = Place(payload, XssField.Headline),
                ["Form.Dek"] = Place(payload, XssField.Dek),
                ["Form.Slug"] = Place(payload, XssField.Slug),
                ["Form.Body"] = $"Story {payload.Number}.\n\n{Place(payload, XssField.Body)}\n\nThe end.",
                ["Form.Excerpt"] = Place(payload, XssField.Excerpt),
                ["Form.Tags"] = Place(payload, XssField.Tags),
                ["Form.FeaturedMediaId"] = Media[payload.Number].ToString(CultureInfo.InvariantCulture),
                ["Form.FeaturedAlt"] = Place(payload, XssField.FeaturedAlt),
                ["Form.FeaturedCaption"] = Place(payload, XssField.FeaturedCaption),
                ["Form.FeaturedCredit"] = Place(payload, XssField.FeaturedCredit),
                ["Form.CommentStatus"] = "Open",
            };
            // What Herald may refuse, in the order it is given up: a slug it cannot make an address of,
            // tags over 100 characters, the headline. (A NUL is dropped from the form, not refused.)
            Action<Dictionary<string, string>>[] fallbacks =
            [
                _ => { },
                f => f["Form.Slug"] = "",
                f => f["Form.Tags"] = "",
                f => f["Form.Headline"] = $"Story {payload.Number}",
            ];
            HttpResponseMessage response;
            var attempt = 0;
            while (true)
            {
                fallbacks[attempt](fields);
                response = await contributor.PostEditorAsync(0, fields, "submit");
                if (response.StatusCode == HttpStatusCode.Redirect || ++attempt == fallbacks.Length)
                {
                    break;
                }
                Refusals.Add(await XssAnswer.FromAsync($"story-{payload.Number}-{attempt}", response));
            }
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"story {payload.Number}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Stories[payload.Number] = IdFrom(response);
            StoryFields[payload.Number] = fields;
        }
    }

    /// <summary>An Editor publishes every submitted story from the editor form, as posted, without reading it.</summary>
    public async Task PublishStoriesAsync()
    {
        using var editor = await NewsroomSession.SignInAsync(server, "xss-editor@example.org", Roles.Editor, Password);
        foreach (var (number, id) in Stories)
        {
            var article = await NewsroomWriting.LoadAsync(server, id);
            var fields = new Dictionary<string, string>(StoryFields[number])
            {
                ["Form.Version"] = article.Version.ToString(CultureInfo.InvariantCulture),
                ["Form.Slug"] = article.Slug,
            };
            var response = await editor.PostEditorAsync(id, fields, "publish");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"publishing story {number}: {response.StatusCode}");
        }
    }

    /// <summary>One comment per payload under its own story: name, body and website all carry it.</summary>
    public async Task CommentAsync()
    {
        foreach (var payload in payloads)
        {
            using var visitor = Visitor.Create(server);
            var post = new CommentPost(Stories[payload.Number], Place(payload, XssField.CommentBody), Place(payload, XssField.CommentName), $"xss{payload.Number}@example.org")
            {
                Website = Place(payload, XssField.CommentWebsite),
            };
            var response = await visitor.PostAsync(post);
            if (response.StatusCode != HttpStatusCode.SeeOther)
            {
                Refusals.Add(await XssAnswer.FromAsync($"comment-{payload.Number}", response));
                // A website that is no address is refused; one that is, with the payload as its path, is not.
                post = post with { Website = "https://example.org/" + post.Website, Name = Clip(post.Name!, 100), Body = post.Body!.Replace("\0", "", StringComparison.Ordinal) };
                response = await visitor.PostAsync(post);
                if (response.StatusCode != HttpStatusCode.SeeOther)
                {
                    Refusals.Add(await XssAnswer.FromAsync($"comment-{payload.Number}-again", response));
                    post = post with { Website = null, Name = $"Reader {payload.Number}" };
                    response = await visitor.PostAsync(post);
                }
            }
            Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"comment {payload.Number}: {response.StatusCode}");
            var location = response.Headers.Location!.OriginalString;
            Comments.Add(int.Parse(location.Split('/')[2], CultureInfo.InvariantCulture));
        }
    }

    private string Place(XssPayload payload, XssField field)
    {
        Placed.Add(payload.Code(field));
        return payload.For(field, beacon);
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    private static int IdFrom(HttpResponseMessage response) =>
        int.Parse(response.Headers.Location!.OriginalString.TrimEnd('/').Split('/').Last(), CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> UploadAsync(NewsroomSession session, byte[] bytes, string fileName, string alt, string caption, string credit)
    {
        var (_, page) = await session.Client.GetPageAsync("/newsroom");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(alt), "Upload.Alt");
        form.Add(new StringContent(caption), "Upload.Caption");
        form.Add(new StringContent(credit), "Upload.Credit");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await session.Client.PostAsync("/newsroom/media", form);
    }
}