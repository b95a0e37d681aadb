using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Herald.Storage;

/// <summary>
/// Stores times as UTC and marks them UTC when read back, so that SQLite (which keeps no
/// kind) and PostgreSQL (timestamptz, which insists on UTC) behave the same.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));