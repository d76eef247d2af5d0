using System.Text.Json.Nodes;
using VcService.Credentials.Status;
using VcService.Storage.Abstractions;

namespace VcService.Api.Status;

/// <summary>The actions of <c>POST …/credentials/{id}/status</c>.</summary>
public static class StatusActions
{
    public const string Revoke = "revoke";
    public const string Suspend = "suspend";
    public const string Reinstate = "reinstate";

    public static readonly IReadOnlyList<string> All = [Revoke, Suspend, Reinstate];
}

/// <summary>A credential's status as its list bits say; <see cref="Suspended"/> is null when it has no suspension entry.</summary>
public sealed record CredentialStatusState(bool Revoked, bool? Suspended, IReadOnlyList<StatusAllocation> Entries);

public abstract record StatusChangeOutcome
{
    public sealed record Done(CredentialStatusState State, bool Changed) : StatusChangeOutcome;
    public sealed record NotFound(string Detail) : StatusChangeOutcome;
    public sealed record Conflict(string Detail) : StatusChangeOutcome;
}

/// <summary>
/// Revoke, suspend, reinstate. Revocation is final: once the revocation bit is set nothing clears
/// it. Each change sets or clears list bits and appends an audit entry in the same transaction.
/// </summary>
public sealed class CredentialStatusService(ICredentialStore credentials, IStatusListStore store, TimeProvider time)
{
    public async Task<CredentialStatusState?> GetStateAsync(string tenantId, string credentialId, CancellationToken cancellationToken)
    {
        if (await credentials.GetAsync(tenantId, credentialId, cancellationToken) is null)
            return null;
        var entries = await store.GetAllocationsAsync(tenantId, credentialId, cancellationToken);
        bool revoked = false;
        bool? suspended = null;
        foreach (var entry in entries)
        {
            var list = await store.GetListAsync(tenantId, entry.ListId, cancellationToken);
            var set = list is not null && (list.Bitstring[entry.Index >> 3] & (0x80 >> (entry.Index & 7))) != 0;
            if (entry.Purpose == StatusPurpose.Revocation)
                revoked |= set;
            else if (entry.Purpose == StatusPurpose.Suspension)
                suspended = (suspended ?? false) | set;
        }
        return new CredentialStatusState(revoked, suspended, entries);
    }

    public async Task<StatusChangeOutcome> ChangeAsync(string tenantId, string credentialId, string action, string reason, string clientId,
        CancellationToken cancellationToken)
    {
        var state = await GetStateAsync(tenantId, credentialId, cancellationToken);
        if (state is null)
            return new StatusChangeOutcome.NotFound($"Issuer '{tenantId}' has no credential '{credentialId}'.");
        var revocation = state.Entries.FirstOrDefault(e => e.Purpose == StatusPurpose.Revocation);
        var suspension = state.Entries.FirstOrDefault(e => e.Purpose == StatusPurpose.Suspension);

        StatusBitUpdate? update;
        switch (action)
        {
            case StatusActions.Revoke:
                if (revocation is null)
                    return new StatusChangeOutcome.Conflict($"Credential '{credentialId}' was issued without a revocation status entry, so it cannot be revoked.");
                update = state.Revoked ? null : new StatusBitUpdate(revocation.ListId, revocation.Index, true);
                break;
            case StatusActions.Suspend:
                if (state.Revoked)
                    return new StatusChangeOutcome.Conflict($"Credential '{credentialId}' is revoked; revocation is final, so it cannot be suspended.");
                if (suspension is null)
                    return new StatusChangeOutcome.Conflict($"Credential '{credentialId}' has no suspension status entry (suspension was not enabled for issuer '{tenantId}' when it was issued), so it can only be revoked.");
                update = state.Suspended == true ? null : new StatusBitUpdate(suspension.ListId, suspension.Index, true);
                break;
            case StatusActions.Reinstate:
                if (state.Revoked)
                    return new StatusChangeOutcome.Conflict($"Credential '{credentialId}' is revoked. Revocation is final: a revoked credential cannot be reinstated (only a suspended one can).");
                update = state.Suspended == true ? new StatusBitUpdate(suspension!.ListId, suspension.Index, false) : null;
                break;
            default:
                throw new ArgumentException($"Unknown status action '{action}'.", nameof(action));
        }
        if (update is null)
            return new StatusChangeOutcome.Done(state, Changed: false);

        var purpose = update.ListId == revocation?.ListId && update.Index == revocation.Index ? StatusPurpose.Revocation : StatusPurpose.Suspension;
        var audit = new AuditEntry
        {
            TenantId = tenantId,
            At = time.GetUtcNow(),
            ClientId = clientId,
            CredentialId = credentialId,
            Action = action,
            Reason = reason,
            Detail = new JsonObject
            {
                ["statusPurpose"] = purpose,
                ["statusList"] = update.ListId,
                ["statusListIndex"] = update.Index,
                ["value"] = update.Value ? 1 : 0,
            }.ToJsonString(),
        };
        var changed = await store.SetBitsAsync(tenantId, [update], audit, cancellationToken);
        var after = await GetStateAsync(tenantId, credentialId, cancellationToken);
        return new StatusChangeOutcome.Done(after!, changed[0]);
    }
}
