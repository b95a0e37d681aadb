using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Herald.Accounts;
using Herald.Media;
using Herald.Newsroom.Media;
using Herald.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Herald.Tests.Newsroom;

/// <summary>Uploads: what is accepted, what is refused and why, and what reaches the reader.</summary>
public sealed class MediaTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private HeraldTestServer Server => fixture.RequireServer();

    [Fact]
    public async Task A_photo_is_stored_in_several_widths_without_its_location()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "photographer@example.org", Roles.Author);
        var response = await UploadAsync(author, Jpeg(2000, 1200, withGps: true), "harbour at dawn.jpg", "Boats in the harbour at dawn");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var item = await LatestMediaAsync();
        Assert.Equal((2000, 1200), (item.Width, item.Height));
        Assert.Equal(5, item.Srcset.Split(", ").Length);
        Assert.Contains(" 480w", item.Srcset);
        Assert.Contains(" 1600w", item.Srcset);
        using var client = Server.CreateClient();
        foreach (var source in item.Srcset.Split(", ").Select(s => s.Split(' ')[0]))
        {
            var file = await client.GetAsync(source);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            using var stored = Image.Load(await file.Content.ReadAsByteArrayAsync());
            Assert.Null(stored.Metadata.ExifProfile?.GetValue(ExifTag.GPSLatitude));
        }
    }

    [Fact]
    public async Task A_text_file_named_like_a_picture_is_refused()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "liar@example.org", Roles.Author);
        var response = await UploadAsync(author, "this is not a picture at all"u8.ToArray(), "photo.jpg", "Alt");
        await AssertRefusedAsync(response, HttpStatusCode.UnsupportedMediaType, "not a picture Herald can read");
    }

    [Fact]
    public async Task A_picture_in_another_format_is_refused_by_name()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "bitmap@example.org", Roles.Author);
        using var image = new Image<Rgba32>(20, 20);
        using var bmp = new MemoryStream();
        image.SaveAsBmp(bmp);
        await AssertRefusedAsync(await UploadAsync(author, bmp.ToArray(), "picture.png", "Alt"), HttpStatusCode.UnsupportedMediaType, "JPEG, PNG, WebP and GIF");
    }

    [Fact]
    public async Task A_truncated_picture_is_refused()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "truncated@example.org", Roles.Author);
        var png = Png(600, 400);
        await AssertRefusedAsync(await UploadAsync(author, png[..(png.Length / 2)], "cut.png", "Alt"), HttpStatusCode.UnprocessableEntity, "damaged or incomplete");
    }

    [Fact]
    public async Task A_tiny_file_claiming_ten_billion_pixels_is_refused_before_decoding()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "bomb@example.org", Roles.Author);
        var bomb = PngHeaderClaiming(100_000, 100_000);
        Assert.True(bomb.Length < 100);
        await AssertRefusedAsync(await UploadAsync(author, bomb, "bomb.png", "Alt"), HttpStatusCode.UnprocessableEntity, "megapixels");
    }

    [Fact]
    public async Task A_tiny_gif_of_many_huge_frames_is_refused_before_decoding()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "gif-bomb@example.org", Roles.Author);
        // 8 frames of 6,000 × 6,000: a decoder that expands them all needs over a gigabyte.
        var bomb = GifFiles.FrameBomb(6000, 6000, 8);
        Assert.True(bomb.Length < 300);

        var response = await UploadAsync(author, bomb, "bomb.gif", "Alt");

        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, "8 frames of 6,000 × 6,000 pixels");
        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, "at most 40 megapixels across all the frames");
    }

    [Fact]
    public async Task An_animation_of_too_many_frames_is_refused()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "gif-long@example.org", Roles.Author);
        var response = await UploadAsync(author, GifFiles.FrameBomb(10, 10, ImageIntake.MaxFrames + 1), "long.gif", "Alt");
        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, $"{ImageIntake.MaxFrames + 1:N0} frames; Herald accepts at most {ImageIntake.MaxFrames:N0}");
    }

    [Fact]
    public async Task An_ordinary_animation_is_kept_animated_in_every_width()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "gif-fine@example.org", Roles.Author);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(author, GifFiles.Animation(900, 300, 4), "spinner.gif", "A spinning wheel")).StatusCode);

        var item = await LatestMediaAsync();
        Assert.Equal("image/gif", item.ContentType);
        using var client = Server.CreateClient();
        foreach (var source in item.Srcset.Split(", ").Select(s => s.Split(' ')[0]))
        {
            using var stored = Image.Load(await client.GetByteArrayAsync(source));
            Assert.Equal(4, stored.Frames.Count);
        }
    }

    [Fact]
    public async Task An_upload_over_the_limit_gets_a_413_page_that_says_so()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "huge@example.org", Roles.Author);
        var response = await UploadAsync(author, new byte[22 * 1024 * 1024], "huge.jpg", "Alt");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("at most 20 MB", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_featured_image_without_alt_text_blocks_publishing_and_with_it_the_page_has_srcset()
    {
        using var author = await NewsroomSession.SignInAsync(Server, "featured@example.org", Roles.Author);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(author, Png(1700, 900), "chart.png", "")).StatusCode);
        var media = (await LatestMediaAsync()).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var blocked = await author.PostEditorAsync(0, NewsroomWriting.Fields("Rainfall chart", "It rained.", ("Form.FeaturedMediaId", media)), "publish");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        Assert.Contains("has no alt text", await blocked.Content.ReadAsStringAsync());

        var id = await author.WriteAsync("Rainfall chart", "It rained.", "publish", ("Form.FeaturedMediaId", media), ("Form.FeaturedAlt", "Bar chart of monthly rainfall"));
        using var reader = Server.CreateClient();
        var (_, page) = await reader.GetPageAsync(await NewsroomWriting.PublicUrlAsync(Server, id));
        var image = page.QuerySelector(".featured-image img")!;
        Assert.Equal("Bar chart of monthly rainfall", image.GetAttribute("alt"));
        Assert.Contains("800w", image.GetAttribute("srcset"));
        Assert.NotNull(image.GetAttribute("sizes"));
        var (_, home) = await reader.GetPageAsync("/");
        var cardImage = home.QuerySelectorAll(".card img").First(card => card.GetAttribute("srcset")?.Contains("480w") == true);
        // The card (written by ArticleCard, not a partial) sizes its picture by its place: the lead card's is wider and loads at once.
        var lead = cardImage.Closest(".card-lead") is not null;
        Assert.Equal(lead ? "(min-width: 60rem) 40rem, 100vw" : "(min-width: 60rem) 20rem, 100vw", cardImage.GetAttribute("sizes"));
        Assert.Equal(lead ? "eager" : "lazy", cardImage.GetAttribute("loading"));
        Assert.Equal("", cardImage.GetAttribute("alt"));
    }

    public static async Task<HttpResponseMessage> UploadAsync(NewsroomSession session, byte[] bytes, string fileName, string alt)
    {
        // Asking before sending the body lets the server refuse an oversized one without a broken pipe.
        var (_, page) = await session.Client.GetPageAsync("/newsroom");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(alt), "Upload.Alt");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/newsroom/media") { Content = form };
        request.Headers.ExpectContinue = true;
        return await session.Client.SendAsync(request);
    }

    public static byte[] Png(int width, int height)
    {
        using var image = new Image<Rgba32>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = new Rgba32((byte)(x * 255 / width), (byte)(y * 255 / height), 128);
                }
            }
        });
        using var buffer = new MemoryStream();
        image.SaveAsPng(buffer);
        return buffer.ToArray();
    }

    private static byte[] Jpeg(int width, int height, bool withGps)
    {
        using var image = Image.Load(Png(width, height));
        if (withGps)
        {
            image.Metadata.ExifProfile = new ExifProfile();
            image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitude, [new Rational(59, 1), new Rational(54, 1), new Rational(0, 1)]);
            image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitudeRef, "N");
        }
        using var buffer = new MemoryStream();
        image.SaveAsJpeg(buffer);
        return buffer.ToArray();
    }

    /// <summary>A valid PNG signature, header and end, and no pixels: a decompression bomb's calling card.</summary>
    private static byte[] PngHeaderClaiming(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 6; // RGBA
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, page.QuerySelector(".form-problem")!.TextContent);
    }

    private async Task<Herald.Media.MediaItem> LatestMediaAsync()
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().MediaItems.OrderByDescending(m => m.Id).FirstAsync();
    }
}