using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiddleServerValidation.Persistence.Staff;

internal sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> builder)
    {
        builder.ToTable("staff_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasColumnName("id");
        builder.Property(s => s.TokenHash).HasColumnName("token_hash");
        builder.Property(s => s.UserName).HasColumnName("user_name").HasMaxLength(200);
        builder.Property(s => s.DisplayName).HasColumnName("display_name");
        builder.Property(s => s.Role).HasColumnName("role").HasMaxLength(16);
        builder.Property(s => s.Method).HasColumnName("method").HasMaxLength(8);
        builder.Property(s => s.CreatedAt).HasColumnName("created_at");
        builder.Property(s => s.ExpiresAt).HasColumnName("expires_at");
        builder.Property(s => s.LastSeenAt).HasColumnName("last_seen_at");
        builder.Property(s => s.RevokedAt).HasColumnName("revoked_at");
        builder.Property(s => s.RevokedReason).HasColumnName("revoked_reason").HasMaxLength(32);
        builder.HasIndex(s => s.TokenHash).IsUnique();
    }
}
