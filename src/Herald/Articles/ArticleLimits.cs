namespace Herald.Articles;

/// <summary>
/// How long and how many: the database columns, the editor form, the pipeline's check and the
/// importer's clipping all read these, so a limit is changed in one place.
/// </summary>
public static class ArticleLimits
{
    // What every stored article meets, whoever writes it (the columns are this wide).
    public const int Slug = 200;
    public const int Headline = 300;
    public const int Dek = 600;
    public const int Excerpt = 1000;
    public const int ImageUrl = 500;
    public const int ImageAlt = 500;
    public const int ImageCaption = 1000;
    public const int ImageCredit = 300;

    /// <summary>A correction or update note: a few sentences, as newspapers print them.</summary>
    public const int NoteText = 1000;

    /// <summary>Notes on one story: a story corrected more often than this needs rewriting, not another note.</summary>
    public const int Notes = 20;
    public const int ImageSrcset = 2000;

    /// <summary>A story's reader password: as long as WordPress's post_password column, so every imported one fits.</summary>
    public const int Password = 255;

    // What a person may choose in one save. Imports keep what the other system held (WordPress
    // posts with 45 tags or 63 categories exist), so these are the editor's rules, not storage's.
    public const int TypedBody = 200_000;
    public const int Authors = 10;
    public const int Categories = 20;
    public const int Tags = 30;
    public const int TagName = 100;

    /// <summary>The tag field as typed: names separated by commas.</summary>
    public const int TagField = 1000;
}