using Herald.Hosting;

return await HeraldCommandLine.RunAsync(args);

/// <summary>Marker so tests and tools can name the entry assembly.</summary>
public partial class Program;