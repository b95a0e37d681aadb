using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Herald.Tests.Infrastructure;

/// <summary>
/// A throw-away PostgreSQL cluster started from Debian's binaries on a free loopback port,
/// shared by every test in the run and stopped when the test process exits.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer?>> Shared = new(StartAsync);
    private readonly string binaries;
    private readonly string dataFolder;
    private int databaseCounter;

    private PostgresServer(string binaries, string dataFolder, int port)
    {
        this.binaries = binaries;
        this.dataFolder = dataFolder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The shared server, or null (with the reason in <see cref="Unavailable"/>) when none can run here.</summary>
    public static Task<PostgresServer?> GetAsync() => Shared.Value;

    public static string Unavailable { get; private set; } = "";

    /// <summary>A connection string to a fresh, empty database of this server.</summary>
    public string NewDatabase(string purpose)
    {
        var name = $"herald_{purpose}_{Interlocked.Increment(ref databaseCounter)}_{Environment.ProcessId}";
        // Idle connections are closed within seconds and each database's pool is bounded: a run
        // opens well over a hundred test databases, and connections left idle for the pool's
        // default five minutes once exhausted the server ("53300: too many clients").
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};Pooling=true;Maximum Pool Size=40;" +
            "Connection Idle Lifetime=5;Connection Pruning Interval=1;Include Error Detail=true";
    }

    /// <summary>
    /// A cluster of the caller's own, for a test that stops and starts the server (readiness
    /// checks); never the shared one, which other tests are using. Null when none can run here.
    /// </summary>
    public static Task<PostgresServer?> StartPrivateAsync() => StartAsync();

    /// <summary>Stops a private cluster at once, as a crash or a lost network would, keeping its data.</summary>
    public Task StopAsync() => RunAsync(Path.Combine(binaries, "pg_ctl"), $"-D {dataFolder}/data -m immediate -w stop", RunAs);

    /// <summary>Starts a stopped private cluster again on the same port.</summary>
    public Task RestartAsync() => RunAsync(Path.Combine(binaries, "pg_ctl"),
        $"-D {dataFolder}/data -l {dataFolder}/server.log -w -t 60 -o \"{ServerOptions(Port, dataFolder)}\" start", RunAs);

    private static string? RunAs => Environment.UserName == "root" ? "postgres" : null;

    private static string ServerOptions(int port, string folder) =>
        $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c full_page_writes=off -c synchronous_commit=off";

    private static async Task<PostgresServer?> StartAsync()
    {
        var binaries = FindBinaries();
        if (binaries is null)
        {
            Unavailable = "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin); install Debian's postgresql package.";
            return null;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"herald-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // PostgreSQL refuses to run as root; the cluster belongs to the postgres account.
            await RunAsync("chown", $"postgres {folder}", asUser: null);
        }
        var port = FreePort();
        var user = asRoot ? "postgres" : null;
        await RunAsync(Path.Combine(binaries, "initdb"), $"-D {folder}/data -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 -N", user);
        await RunAsync(Path.Combine(binaries, "pg_ctl"),
            $"-D {folder}/data -l {folder}/server.log -w -t 60 -o \"{ServerOptions(port, folder)}\" start", user);

        var server = new PostgresServer(binaries, folder, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(user);
        return server;
    }

    private void Stop(string? user)
    {
        try
        {
            RunAsync(Path.Combine(binaries, "pg_ctl"), $"-D {dataFolder}/data -m immediate -w stop", user).GetAwaiter().GetResult();
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // Stopping is best effort; the folder is in the temp directory anyway.
        }
    }

    private static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }
        return Directory.GetDirectories(root)
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "postgres")))
            .OrderByDescending(bin => bin, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string arguments, string? asUser)
    {
        var start = asUser is null
            ? new ProcessStartInfo(program, arguments)
            : new ProcessStartInfo("runuser", $"-u {asUser} -- {program} {arguments}");
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await errors}{await output}");
        }
    }
}