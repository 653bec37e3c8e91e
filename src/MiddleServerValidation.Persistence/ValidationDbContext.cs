using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Persistence.Notices;
using MiddleServerValidation.Persistence.Registrations;
using MiddleServerValidation.Persistence.ResidentLookups;
using Microsoft.EntityFrameworkCore;

namespace MiddleServerValidation.Persistence;

/// <summary>
/// The service's state. The schema is owned by the hand-written migrations in <c>Migrations/</c>;
/// this model maps onto it for reads and small writes. Bulk writes go through binary COPY.
/// </summary>
public sealed class ValidationDbContext(DbContextOptions<ValidationDbContext> options) : DbContext(options)
{
    public DbSet<StoredRegistration> Registrations => Set<StoredRegistration>();
    public DbSet<StoredFinding> Findings => Set<StoredFinding>();
    public DbSet<OutboxNotice> Notices => Set<OutboxNotice>();
    public DbSet<PendingResidentLookup> ResidentLookups => Set<PendingResidentLookup>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ValidationDbContext).Assembly);
}
