using Herald.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Herald.Site.Menus;

/// <summary>Where a menu shows on the public site.</summary>
public enum MenuLocation
{
    Header,
    Footer,
}

/// <summary>
/// A navigation menu of the public site, one per location. Without one (or with no items) the
/// header shows the section list and the footer no links, as a site without menus always did.
/// </summary>
public sealed class Menu
{
    public int Id { get; set; }
    public MenuLocation Location { get; set; }

    /// <summary>The name it had in WordPress, or the location's; only the newsroom shows it.</summary>
    public string Name { get; set; } = "";

    public List<MenuItem> Items { get; set; } = [];
}

/// <summary>
/// One link of a menu: to a section, an article or page, an address, or none (a heading for
/// the items under it). A section or article linked keeps its address current when its slug
/// changes; one removed later makes the item show nothing until an editor fixes it.
/// </summary>
public sealed class MenuItem
{
    public int Id { get; set; }
    public int MenuId { get; set; }
    public Menu Menu { get; set; } = null!;
    public required string Label { get; set; }
    public string? Url { get; set; }
    public int? CategoryId { get; set; }
    public Category? Category { get; set; }
    public int? ArticleId { get; set; }
    public Article? Article { get; set; }
    public int Position { get; set; }

    /// <summary>The item it hangs under; menus show one level of nesting.</summary>
    public int? ParentId { get; set; }
    public MenuItem? Parent { get; set; }
}

internal sealed class MenuConfiguration : IEntityTypeConfiguration<Menu>
{
    public void Configure(EntityTypeBuilder<Menu> menu)
    {
        menu.Property(m => m.Location).HasConversion<string>().HasMaxLength(20);
        menu.HasIndex(m => m.Location).IsUnique();
        menu.Property(m => m.Name).HasMaxLength(MenuLimits.Name);
        menu.HasMany(m => m.Items).WithOne(i => i.Menu).HasForeignKey(i => i.MenuId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MenuItemConfiguration : IEntityTypeConfiguration<MenuItem>
{
    public void Configure(EntityTypeBuilder<MenuItem> item)
    {
        item.Property(i => i.Label).HasMaxLength(MenuLimits.Label);
        item.Property(i => i.Url).HasMaxLength(MenuLimits.Url);
        item.HasOne(i => i.Category).WithMany().HasForeignKey(i => i.CategoryId).OnDelete(DeleteBehavior.SetNull);
        item.HasOne(i => i.Article).WithMany().HasForeignKey(i => i.ArticleId).OnDelete(DeleteBehavior.SetNull);
        // Removing an item leaves the ones under it at the top level.
        item.HasOne(i => i.Parent).WithMany().HasForeignKey(i => i.ParentId).OnDelete(DeleteBehavior.SetNull);
        item.HasIndex(i => new { i.MenuId, i.Position });
    }
}