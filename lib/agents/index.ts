export { InferenceScheduler, type SchedulerDeps, type SchedulerStats, type Slot, type SlotRequest } from './scheduler';
export { type BusMessage, MessageBus, MAX_RECEIVE_MS, type ReceiveOptions } from './bus';
export { CAPABILITIES, type Capability, checkCall, DEFAULT_AGENT_CAPABILITIES, grantCapabilities, isCapability, PROCESS_CONTROL, type PolicyVerdict } from './capabilities';
export { estimateRequest, scheduledProvider, type ScheduledProviderOptions } from './scheduledProvider';
export { parseVerdict, REVIEW_INSTRUCTION, type Verdict } from './review';
