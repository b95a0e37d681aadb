using System.Data.Common;
using Herald.Storage;

namespace Herald.Hosting.Invalidation;

/// <summary>
/// Keeps this process's caches in step with writes made anywhere: when the <see cref="JournalBell"/>
/// rings, and at least every <see cref="PollInterval"/>, it reads the journal rows after its position (one indexed range read on the key) and evicts their
/// tags here — cached pages and in-memory copies alike. Rows this process wrote itself were evicted
/// by their writer after its commit and are skipped. Old rows are pruned.
/// </summary>
/// <remarks>
/// On PostgreSQL ids are handed out when a row is inserted, not when it commits, so a row may
/// become visible after a higher one: an id skipped over is looked for again until it appears or
/// <see cref="GapPatience"/> passes (a rolled-back write leaves such a hole for good). A process
/// that could not read the journal for longer than half the retention may have missed pruned rows,
/// and evicts everything instead. Its rhythm runs on the machine's clock, whatever
/// <see cref="TimeProvider"/> the site is given (a test's fake clock must not stop it); the
/// journal's own times, written by writers, are on the site's.
/// </remarks>
public sealed class JournalFollower(DatabaseConnection database, CacheEvictor evictor, JournalBell bell, TimeProvider clock, ILogger<JournalFollower> log)
    : BackgroundService
{
    private static readonly TimeProvider Machine = TimeProvider.System;

    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The least time between two reads, however often the <see cref="JournalBell"/> rings (a burst of writes).</summary>
    private static readonly TimeSpan LeastGap = TimeSpan.FromMilliseconds(20);

    /// <summary>How long journal rows are kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);

    /// <summary>How long an id below the highest one read may still turn up (a transaction committing late).</summary>
    public static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(30);

    private const int RowsPerRead = 500;
    private const int MaxHoles = 100;
    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();

    /// <summary>Ids above <see cref="position"/> already applied (read, or written by this process).</summary>
    private readonly HashSet<long> appliedAbove = [];

    /// <summary>Ids skipped over by a higher one, and when that was first seen.</summary>
    private readonly Dictionary<long, DateTimeOffset> holes = [];

    private long position = -1;
    private long highestSeen;
    private DateTimeOffset lastRead;
    private DateTimeOffset lastPrune;

    /// <summary>
    /// The journal position this process has applied: every write with a row at or below it has
    /// been evicted here. A page render can note it when it starts, to learn later whether a write
    /// it could not see came in between. -1 until the follower has read the journal once.
    /// </summary>
    public long Position
    {
        get
        {
            lock (gate)
            {
                return position;
            }
        }
    }

    /// <summary>A row this process wrote and evicts itself after commit: not to be evicted twice.</summary>
    public void AppliedHere(long id)
    {
        lock (gate)
        {
            if (id > position)
            {
                appliedAbove.Add(id);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FollowOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be restarting; the next read catches up, or evicts everything if it is too late.
                log.LogWarning(e, "Reading the invalidation journal failed; trying again.");
            }
            try
            {
                await Task.Delay(LeastGap, Machine, stoppingToken);
                await bell.WaitAsync(PollInterval - LeastGap, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: read what is new, evict it, and now and then prune. Public for tests.</summary>
    public async Task FollowOnceAsync(CancellationToken ct)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync(ct);
        var now = Machine.GetUtcNow();
        if (Position < 0 || now - lastRead > Retention / 2)
        {
            await StartOverAsync(connection, restarting: Position >= 0, now, ct);
        }
        else
        {
            int read;
            do
            {
                var rows = await ReadAfterAsync(connection, ct);
                read = rows.Count;
                var tags = Apply(rows, now);
                await evictor.EvictAsync(tags, ct);
            }
            while (read == RowsPerRead);
        }
        lastRead = now;
        if (now - lastPrune > PruneInterval)
        {
            lastPrune = now;
            await PruneAsync(connection, clock.GetUtcNow().UtcDateTime - Retention, ct);
        }
    }

    /// <summary>
    /// Begins at the journal's end: what is cached here was made after every committed row, or is
    /// evicted now. The last ids are taken as they stand, so that one still being committed
    /// (PostgreSQL) is awaited like any other hole rather than skipped.
    /// </summary>
    private async Task StartOverAsync(DbConnection connection, bool restarting, DateTimeOffset now, CancellationToken ct)
    {
        long end;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """SELECT COALESCE(MAX("Id"), 0) FROM "CacheInvalidations" """;
            end = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        var from = Math.Max(0, end - MaxHoles);
        var present = new List<long>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """SELECT "Id" FROM "CacheInvalidations" WHERE "Id" > @from""";
            Parameter(command, "@from", from);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                present.Add(reader.GetInt64(0));
            }
        }
        if (restarting)
        {
            log.LogWarning("The invalidation journal was out of reach too long; evicting every cached page.");
            await evictor.EvictAsync([CacheTags.Site], ct);
        }
        lock (gate)
        {
            position = Math.Max(position, from);
            highestSeen = Math.Max(highestSeen, end);
            appliedAbove.UnionWith(present);
            appliedAbove.RemoveWhere(id => id <= position);
            holes.Clear();
            for (var id = position + 1; id < highestSeen; id++)
            {
                if (!appliedAbove.Contains(id))
                {
                    holes[id] = now;
                }
            }
            Advance();
        }
    }

    private async Task<List<(long Id, string Tags)>> ReadAfterAsync(DbConnection connection, CancellationToken ct)
    {
        long after;
        long[] lookAgain;
        lock (gate)
        {
            after = highestSeen;
            lookAgain = [.. holes.Keys];
        }
        await using var command = connection.CreateCommand();
        var holesClause = lookAgain.Length == 0 ? "" : $""" OR "Id" IN ({string.Join(", ", lookAgain.Select((_, i) => $"@h{i}"))})""";
        command.CommandText = $"""
            SELECT "Id", "Tags" FROM "CacheInvalidations"
            WHERE "Id" > @after{holesClause}
            ORDER BY "Id" LIMIT {RowsPerRead}
            """;
        Parameter(command, "@after", after);
        for (var i = 0; i < lookAgain.Length; i++)
        {
            Parameter(command, $"@h{i}", lookAgain[i]);
        }
        var rows = new List<(long, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        return rows;
    }

    /// <summary>Takes in the rows read and returns the tags not yet evicted here.</summary>
    private HashSet<string> Apply(List<(long Id, string Tags)> rows, DateTimeOffset now)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var (id, stored) in rows)
            {
                holes.Remove(id);
                if (id > highestSeen)
                {
                    // Awaited only while there are few: a sequence that jumps far (as PostgreSQL's may
                    // after a crash) leaves holes no transaction will ever fill.
                    for (var missing = highestSeen + 1; missing < id && holes.Count < MaxHoles; missing++)
                    {
                        if (!appliedAbove.Contains(missing))
                        {
                            holes.TryAdd(missing, now);
                        }
                    }
                    highestSeen = id;
                }
                if (id > position && appliedAbove.Add(id))
                {
                    tags.UnionWith(InvalidationSet.Deserialize(stored));
                }
            }
            foreach (var id in holes.Where(h => now - h.Value > GapPatience).Select(h => h.Key).ToList())
            {
                holes.Remove(id); // rolled back, most likely: its id will never be used
            }
            Advance();
        }
        return tags;
    }

    /// <summary>Moves the position up to just below the first id still awaited. Called holding the gate.</summary>
    private void Advance()
    {
        var limit = holes.Count > 0 ? holes.Keys.Min() - 1 : highestSeen;
        if (limit > position)
        {
            position = limit;
            appliedAbove.RemoveWhere(applied => applied <= limit);
        }
    }

    private static async Task PruneAsync(DbConnection connection, DateTime before, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """DELETE FROM "CacheInvalidations" WHERE "WrittenAt" < @before""";
        Parameter(command, "@before", before);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}