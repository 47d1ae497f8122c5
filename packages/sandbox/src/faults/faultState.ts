import { Fault, Upstream, UPSTREAMS } from './faultSpec';

export interface UpstreamCounts {
  total: number;
  /** Requests that could be tied to an environment, by its name. */
  environments: Record<string, number>;
}

/** The faults switched on and how often each upstream was called. */
export class FaultState {
  private readonly faults = new Map<string, Fault>();
  private counts = FaultState.emptyCounts();

  constructor(initial: Fault[] = []) {
    initial.forEach(fault => this.set(fault));
  }

  private static emptyCounts(): Record<Upstream, UpstreamCounts> {
    return Object.fromEntries(
      UPSTREAMS.map(u => [u, { total: 0, environments: {} }]),
    ) as Record<Upstream, UpstreamCounts>;
  }

  private static id(upstream: Upstream, environment?: string) {
    return environment ? `${upstream}:${environment}` : upstream;
  }

  /** Mode `none` on one environment overrides a fault set for the whole upstream. */
  set(fault: Fault) {
    const id = FaultState.id(fault.upstream, fault.environment);
    if (fault.mode === 'none' && !fault.environment) {
      this.faults.delete(id);
    } else {
      this.faults.set(id, fault);
    }
  }

  /** Removes the fault of one upstream (and environment), or every fault. */
  clear(upstream?: Upstream, environment?: string) {
    if (!upstream) {
      this.faults.clear();
      return;
    }
    this.faults.delete(FaultState.id(upstream, environment));
  }

  list(): Fault[] {
    return [...this.faults.values()];
  }

  /** The fault that applies to a request, the environment's own first. */
  faultFor(upstream: Upstream, environment?: string): Fault | undefined {
    const fault =
      (environment && this.faults.get(FaultState.id(upstream, environment))) ||
      this.faults.get(upstream);
    return fault?.mode === 'none' ? undefined : fault;
  }

  count(upstream: Upstream, environment?: string) {
    const counts = this.counts[upstream];
    counts.total += 1;
    if (environment) {
      counts.environments[environment] =
        (counts.environments[environment] ?? 0) + 1;
    }
  }

  requests(): Record<Upstream, UpstreamCounts> {
    return structuredClone(this.counts);
  }

  resetRequests() {
    this.counts = FaultState.emptyCounts();
  }
}
