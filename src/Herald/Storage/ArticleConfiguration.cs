using Herald.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Herald.Storage;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> article)
    {
        article.Property(a => a.Slug).HasMaxLength(ArticleLimits.Slug);
        article.Property(a => a.Headline).HasMaxLength(ArticleLimits.Headline);
        article.Property(a => a.Dek).HasMaxLength(ArticleLimits.Dek);
        article.Property(a => a.Excerpt).HasMaxLength(ArticleLimits.Excerpt);
        article.Property(a => a.Password).HasMaxLength(ArticleLimits.Password);
        article.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        article.Property(a => a.CommentStatus).HasConversion<string>().HasMaxLength(20);
        article.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        article.Property(a => a.BodyFormat).HasConversion<string>().HasMaxLength(20);
        // The column keeps the name it was created with: the search triggers and index name it.
        article.Property(a => a.BodySource).HasColumnName("BodyMarkdown");
        article.Property(a => a.Version).IsConcurrencyToken();
        article.Property(a => a.CreatedByUserId).HasMaxLength(450);
        article.Property(a => a.TrashedByUserId).HasMaxLength(450);
        article.Property(a => a.TrashedByName).HasMaxLength(256);
        article.Property(a => a.StatusBeforeTrash).HasConversion<string>().HasMaxLength(20);

        // Slugs are unique per site: the URL's year and month are for readers, not identity.
        article.HasIndex(a => a.Slug).IsUnique();
        // Public lists read published stories (ArticleQueries.Published filters on Kind as well):
        // with Kind in the index, counting and paging them never reads the article rows. Kind comes
        // last on purpose: as a second equality column it made SQLite (without statistics) prefer
        // scanning this range to looking up a short list of ids by primary key.
        article.HasIndex(a => new { a.Status, a.PublishedAt, a.Kind });
        // Section lists, the home page's section blocks and previous/next links read this range.
        article.HasIndex(a => new { a.Status, a.PrimaryCategoryId, a.PublishedAt, a.Kind });
        // Sitemaps page through published stories by id and read only their dates and slug. Without
        // this narrow copy each of those reads walked the wide rows (PublishedAt, UpdatedAt and Kind
        // sit after the bodies, on overflow pages in SQLite). Status and Kind lead as equalities so
        // that SQLite, which keeps no statistics here, takes it for id order, and so that PostgreSQL
        // can start a page at an id (a partial index on published stories would drop those two
        // columns from its conditions and scan the whole index). Date-ordered list plans are
        // unchanged with it in place (checked on both engines at 100,000 articles).
        article.HasIndex(a => new { a.Status, a.Kind, a.Id, a.PublishedAt, a.UpdatedAt, a.Slug }, "IX_Articles_PublishedStories");
        // The trash page lists, and the purge finds, trashed stories by when they went there.
        article.HasIndex(a => a.TrashedAt);
        // The home page reads sticky stories apart, newest first. Only the few sticky rows are in
        // this index; without it finding them walked every published story (118 ms on PostgreSQL
        // at 100,000 articles when none is sticky, growing with the archive).
        article.HasIndex(a => new { a.Status, a.PublishedAt }, "IX_Articles_Sticky").HasFilter("\"IsSticky\"");

        article.HasOne(a => a.PrimaryCategory).WithMany().HasForeignKey(a => a.PrimaryCategoryId)
            .OnDelete(DeleteBehavior.SetNull);
        article.OwnsOne(a => a.FeaturedImage, image =>
        {
            image.Property(i => i.Url).HasMaxLength(ArticleLimits.ImageUrl);
            image.Property(i => i.Alt).HasMaxLength(ArticleLimits.ImageAlt);
            image.Property(i => i.Caption).HasMaxLength(ArticleLimits.ImageCaption);
            image.Property(i => i.Credit).HasMaxLength(ArticleLimits.ImageCredit);
            image.Property(i => i.Srcset).HasMaxLength(ArticleLimits.ImageSrcset);
        });
        article.HasMany(a => a.Authors).WithOne().HasForeignKey(a => a.ArticleId);
        article.HasMany(a => a.Categories).WithMany(c => c.Articles).UsingEntity("ArticleCategories");
        // By tag, newest article ids last: a tag's latest stories are a bounded slice of this index.
        article.HasMany(a => a.Tags).WithMany(t => t.Articles).UsingEntity("ArticleTags",
            tagging => tagging.HasIndex("TagsId", "ArticlesId"));
        article.HasMany(a => a.OldSlugs).WithOne(o => o.Article).HasForeignKey(o => o.ArticleId);
        article.HasMany(a => a.Notes).WithOne().HasForeignKey(n => n.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// The archive lists' narrow copy, written only by the triggers in <see cref="Migrations.ArchiveSchema"/>.
/// The list index answers a count (index only) and a page (an index walk, newest first) of one archive.
/// </summary>
internal sealed class ArchiveEntryConfiguration : IEntityTypeConfiguration<ArchiveEntry>
{
    public void Configure(EntityTypeBuilder<ArchiveEntry> entry)
    {
        entry.HasKey(e => new { e.Kind, e.OwnerId, e.ArticleId });
        entry.HasIndex(e => new { e.Kind, e.OwnerId, e.PublishedAt, e.ArticleId }, "IX_ArchiveEntries_List");
        // The triggers rewrite one story's rows by its id.
        entry.HasIndex(e => e.ArticleId);
        entry.HasOne<Article>().WithMany().HasForeignKey(e => e.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleNoteConfiguration : IEntityTypeConfiguration<ArticleNote>
{
    public void Configure(EntityTypeBuilder<ArticleNote> note)
    {
        note.Property(n => n.Text).HasMaxLength(ArticleLimits.NoteText);
        note.Property(n => n.AddedBy).HasMaxLength(200);
        note.HasIndex(n => n.ArticleId);
    }
}

internal sealed class ArticleAuthorConfiguration : IEntityTypeConfiguration<ArticleAuthor>
{
    public void Configure(EntityTypeBuilder<ArticleAuthor> byline)
    {
        byline.HasKey(b => new { b.ArticleId, b.AuthorId });
        byline.HasIndex(b => b.AuthorId);
    }
}

internal sealed class OldSlugConfiguration : IEntityTypeConfiguration<OldSlug>
{
    public void Configure(EntityTypeBuilder<OldSlug> oldSlug)
    {
        oldSlug.Property(o => o.Slug).HasMaxLength(ArticleLimits.Slug);
        oldSlug.HasIndex(o => o.Slug);
    }
}

internal sealed class TaxonomyConfiguration :
    IEntityTypeConfiguration<Author>, IEntityTypeConfiguration<Category>, IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Author> author)
    {
        author.Property(a => a.Slug).HasMaxLength(200);
        author.Property(a => a.Name).HasMaxLength(200);
        author.Property(a => a.Bio).HasMaxLength(2000);
        author.HasIndex(a => a.Slug).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.Property(c => c.Slug).HasMaxLength(200);
        category.Property(c => c.Name).HasMaxLength(200);
        category.Property(c => c.Description).HasMaxLength(1000);
        category.HasIndex(c => c.Slug).IsUnique();
        category.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<Tag> tag)
    {
        tag.Property(t => t.Slug).HasMaxLength(200);
        tag.Property(t => t.Name).HasMaxLength(200);
        tag.HasIndex(t => t.Slug).IsUnique();
    }
}

internal sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<Herald.Site.SiteSettings>
{
    public void Configure(EntityTypeBuilder<Herald.Site.SiteSettings> settings)
    {
        settings.Property(s => s.Id).ValueGeneratedNever();
        settings.Property(s => s.Title).HasMaxLength(200);
        settings.Property(s => s.Tagline).HasMaxLength(400);
        settings.Property(s => s.TimeZoneId).HasMaxLength(100);
        settings.Ignore(s => s.TimeZone);
    }
}