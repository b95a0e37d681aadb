using Microsoft.AspNetCore.Http;

namespace Herald.Hosting.Configuration;

/// <summary>The addresses of --urls and --metrics-urls, checked the way Kestrel will read them.</summary>
public static class ListenAddresses
{
    public static IReadOnlyList<BindingAddress> Parse(Setting setting, string urls)
    {
        var addresses = new List<BindingAddress>();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                throw new SettingException(setting, $"\"{url}\" is not an address to listen on, such as http://127.0.0.1:5000.");
            }
            if (address.Scheme is not ("http" or "https") || address.IsUnixPipe && address.Scheme != "http")
            {
                throw new SettingException(setting, $"\"{url}\" must start with http:// or https://.");
            }
            addresses.Add(address);
        }
        if (addresses.Count == 0)
        {
            throw new SettingException(setting, "no address is given.");
        }
        return addresses;
    }

    /// <summary>
    /// The one port /metrics answers on. It must be fixed and differ from every public port:
    /// /metrics is recognised by the port a connection arrived on, never by a Host header a client chose.
    /// </summary>
    public static int MetricsPort(Setting setting, string metricsUrls, IReadOnlyList<BindingAddress> publicAddresses)
    {
        var addresses = Parse(setting, metricsUrls);
        var ports = addresses.Select(a => a.Port).Distinct().ToList();
        if (ports.Count != 1 || ports[0] <= 0 || addresses.Any(a => a.IsUnixPipe))
        {
            throw new SettingException(setting, $"\"{metricsUrls}\" must name one fixed port, such as http://127.0.0.1:9464.");
        }
        if (addresses.Any(a => a.Scheme == "https"))
        {
            throw new SettingException(setting, "/metrics is served over http:// on a private address; put TLS in front of it if it must cross a network.");
        }
        if (publicAddresses.Any(a => a.Port == ports[0]))
        {
            throw new SettingException(setting, $"port {ports[0]} is also a public port of --urls; metrics need a port of their own.");
        }
        return ports[0];
    }
}