using System.Security.Claims;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Newsroom;

/// <summary>The signed-in person as the newsroom needs them: account, name for revisions, byline.</summary>
public sealed record StaffMember(string UserId, string Name, int? AuthorId)
{
    public static async Task<StaffMember> ResolveAsync(HeraldDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The newsroom is only reached signed in.");
        var author = await db.Authors.AsNoTracking().Where(a => a.UserId == userId)
            .Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(ct);
        var name = author?.Name ?? user.Identity?.Name ?? userId;
        return new StaffMember(userId, name, author?.Id);
    }
}