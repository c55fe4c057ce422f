// Subscription contract status changes (2026-07 names: subscriptionContractActivate/Pause/Cancel/
// Expire/Fail(subscriptionContractId:)), plus a plain test hook for the statuses Shopify's billing
// sets on its own.
import { InvalidMutationError } from "../../store/shop-store";
import type { ContractStatus } from "../../store/types";
import type { AdminContext } from "../context";
import type { FieldMap } from "../fields/field-map";
import { parseGid } from "../gid";

const VERB: Record<ContractStatus, string> = {
  ACTIVE: "activate",
  PAUSED: "pause",
  CANCELLED: "cancel",
  EXPIRED: "expire",
  FAILED: "fail",
};

const TERMINATED: ReadonlySet<ContractStatus> = new Set(["CANCELLED", "EXPIRED", "FAILED"]);

/** Sets a contract's status and reports the topic-specific webhook plus subscription_contracts/update. */
export function changeContractStatus(ctx: AdminContext, contractId: number, status: ContractStatus) {
  const contract = ctx.store.setContractStatus(contractId, status, ctx.now());
  ctx.emit({ topic: `subscription_contracts/${VERB[status]}`, kind: "subscription_contract", id: contractId });
  ctx.emit({ topic: "subscription_contracts/update", kind: "subscription_contract", id: contractId });
  return contract;
}

/** Test hook: what Shopify does when a contract runs out (EXPIRED) or billing gives up (FAILED). */
export function setContractStatusForTest(ctx: AdminContext, contractId: number, status: "EXPIRED" | "FAILED") {
  return changeContractStatus(ctx, contractId, status);
}

function statusMutation(status: ContractStatus) {
  return (_root: unknown, args: Record<string, unknown>, env: { ctx: AdminContext }) => {
    const parsed = parseGid(String(args.subscriptionContractId));
    const contract = parsed?.type === "SubscriptionContract" ? env.ctx.store.getContract(parsed.id) : undefined;
    const fail = (message: string, code: string) => ({
      contract: null,
      userErrors: [{ field: ["subscriptionContractId"], message, code }],
    });
    if (!contract) return fail("Contract does not exist", "INVALID");
    if (TERMINATED.has(contract.status) && (status === "ACTIVE" || status === "PAUSED")) {
      return fail("Contract is terminated and cannot be changed", "CONTRACT_TERMINATED");
    }
    try {
      return { contract: changeContractStatus(env.ctx, contract.id, status), userErrors: [] };
    } catch (error) {
      if (error instanceof InvalidMutationError) return fail(error.message, "INVALID");
      throw error;
    }
  };
}

export const subscriptionMutations: FieldMap<unknown> = {
  subscriptionContractActivate: statusMutation("ACTIVE"),
  subscriptionContractPause: statusMutation("PAUSED"),
  subscriptionContractCancel: statusMutation("CANCELLED"),
  subscriptionContractExpire: statusMutation("EXPIRED"),
  subscriptionContractFail: statusMutation("FAILED"),
};
