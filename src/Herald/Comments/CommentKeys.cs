using System.Security.Cryptography;
using System.Text;
using Herald.Storage;
using Microsoft.EntityFrameworkCore;

namespace Herald.Comments;

/// <summary>
/// The site's comment secret, generated once and kept in the database so that every node of a
/// site shares it. Every hash of a commenter's data is keyed with it: an e-mail address cannot
/// be recovered or matched against a list of addresses by anyone without the database.
/// </summary>
public sealed class CommentKeys(IServiceScopeFactory scopes)
{
    private const string SecretName = "comments";
    private readonly SemaphoreSlim loading = new(1, 1);
    private KeyRing? ring;

    public async ValueTask<KeyRing> GetAsync(CancellationToken ct = default)
    {
        if (ring is not null)
        {
            return ring;
        }
        await loading.WaitAsync(ct);
        try
        {
            return ring ??= new KeyRing(await LoadOrCreateAsync(ct));
        }
        finally
        {
            loading.Release();
        }
    }

    private async Task<byte[]> LoadOrCreateAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        if (await db.SiteSecrets.AsNoTracking().FirstOrDefaultAsync(s => s.Name == SecretName, ct) is { } existing)
        {
            return existing.Value;
        }
        db.SiteSecrets.Add(new SiteSecret { Name = SecretName, Value = RandomNumberGenerator.GetBytes(32) });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node created it first; theirs is the site's secret.
        }
        return (await db.SiteSecrets.AsNoTracking().FirstAsync(s => s.Name == SecretName, ct)).Value;
    }
}

/// <summary>HMACs with the site secret, one purpose label per use so no two uses share a value.</summary>
public sealed class KeyRing(byte[] secret)
{
    public string Hash(string purpose, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{purpose}\n{value}")));

    public bool Matches(string purpose, string value, string expected)
    {
        var actual = Encoding.ASCII.GetBytes(Hash(purpose, value));
        return CryptographicOperations.FixedTimeEquals(actual, Encoding.ASCII.GetBytes(expected));
    }

    public string EmailHash(string email) => Hash("email", email.Trim().ToLowerInvariant());

    public string AvatarKey(string emailHash) => Hash("avatar", emailHash)[..24];

    public string ClientHash(string? address) => Hash("client", address ?? "unknown");

    public string OwnerHash(string visitorKey) => Hash("owner", visitorKey);
}