import { Controller, Get, HttpCode, HttpStatus, Inject, Post } from "@nestjs/common";
import { SessionsService } from "../auth/sessions.service";
import { StatsService, type Stats } from "../stats/stats.service";

/**
 * The contract's test-control endpoints (test/backends/README.md), which the generated
 * app's end-to-end suite reads. Not part of the protocol; the app never calls them.
 */
@Controller("__mock")
export class TestControlController {
  constructor(
    @Inject(StatsService) private readonly stats: StatsService,
    @Inject(SessionsService) private readonly sessions: SessionsService,
  ) {}

  @Get("stats")
  getStats(): Stats {
    return this.stats.snapshot();
  }

  /** Forget every session and refresh-token hash, zero the counters. */
  @Post("reset")
  @HttpCode(HttpStatus.NO_CONTENT)
  reset(): void {
    this.sessions.clear();
    this.stats.reset();
  }
}
