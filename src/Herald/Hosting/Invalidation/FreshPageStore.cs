using System.Data.Common;
using Herald.Storage;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Hosting.Invalidation;

/// <summary>
/// No node stores a page older than the last write into the shared output cache. A request notes
/// the journal position its process has applied before the page is looked up or rendered; when
/// the page is about to be stored, one indexed read of the journal rows after that position (few:
/// the writes of the last half second) tells whether a write the render may not have seen
/// affects the page (one of its tags, or <see cref="CacheTags.Site"/>). If one does, the page is
/// served but not stored; the next request renders it afresh. This wraps whichever store the site
/// uses (memory or Redis), so the rule holds for every policy. It costs one query per page stored,
/// never one per request: cached pages are answered before it.
/// </summary>
public sealed class FreshPageStore(IOutputCacheStore inner, DatabaseConnection database, FrontPages front, ILogger<FreshPageStore> log) : IOutputCacheStore
{
    /// <summary>More newer rows than this and the page is simply not stored (a bulk import is running).</summary>
    private const int RowsLooked = 200;

    private static readonly AsyncLocal<long?> NotedPosition = new();

    /// <summary>Notes the journal position at the start of each request, before the output cache looks for the page.</summary>
    public static void UseJournalPositionNote(IApplicationBuilder app)
    {
        var follower = app.ApplicationServices.GetRequiredService<JournalFollower>();
        app.Use((context, next) =>
        {
            NotedPosition.Value = follower.Position;
            return next(context);
        });
    }

    /// <summary>Wraps the output-cache store registered so far (call after every store registration).</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IOutputCacheStore))
            ?? throw new InvalidOperationException("No output-cache store is registered to guard.");
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(provider => new FreshPageStore(
            Create(provider, registered), provider.GetRequiredService<DatabaseConnection>(), provider.GetRequiredService<FrontPages>(),
            provider.GetRequiredService<ILogger<FreshPageStore>>()));
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken ct) => inner.GetAsync(key, ct);

    /// <summary>Every eviction also reaches the front copies (<see cref="FrontPages"/>), whoever asks for it.</summary>
    public ValueTask EvictByTagAsync(string tag, CancellationToken ct)
    {
        front.Evict(tag);
        return inner.EvictByTagAsync(tag, ct);
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken ct)
    {
        if (await WrittenSinceAsync(NotedPosition.Value ?? -1, tags ?? [], ct))
        {
            return;
        }
        await inner.SetAsync(key, value, tags, validFor, ct);
        FrontPages.NoteStored(tags, validFor);
    }

    /// <summary>Whether a journal row after <paramref name="position"/> affects any of the page's tags.</summary>
    public async Task<bool> WrittenSinceAsync(long position, IReadOnlyCollection<string> pageTags, CancellationToken ct)
    {
        try
        {
            await using var connection = database.CreateConnection();
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = $"""SELECT "Tags" FROM "CacheInvalidations" WHERE "Id" > @position ORDER BY "Id" LIMIT {RowsLooked + 1}""";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@position";
            parameter.Value = position;
            command.Parameters.Add(parameter);
            var rows = 0;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (++rows > RowsLooked)
                {
                    return true;
                }
                var written = InvalidationSet.Deserialize(reader.GetString(0)).ToList();
                if (written.Contains(CacheTags.Site) || written.Any(pageTags.Contains))
                {
                    return true;
                }
            }
            return false;
        }
        catch (DbException e)
        {
            // Unable to tell: serving the page is fine, keeping it is not.
            log.LogWarning(e, "Could not read the invalidation journal; the page is served without being stored.");
            return true;
        }
    }

    private static IOutputCacheStore Create(IServiceProvider provider, ServiceDescriptor descriptor) => descriptor switch
    {
        { ImplementationInstance: IOutputCacheStore instance } => instance,
        { ImplementationFactory: { } factory } => (IOutputCacheStore)factory(provider),
        { ImplementationType: { } type } => (IOutputCacheStore)ActivatorUtilities.CreateInstance(provider, type),
        _ => throw new InvalidOperationException("The output-cache store registration cannot be wrapped."),
    };
}