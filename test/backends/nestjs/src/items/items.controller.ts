import { Controller, Get, Inject, UseGuards } from "@nestjs/common";
import { AccessTokenGuard } from "../auth/guards/access-token.guard";
import { ResourceCall } from "../auth/resource-call.decorator";
import { StatsService } from "../stats/stats.service";

export interface Item {
  id: number;
  title: string;
}

const ITEMS: readonly Item[] = [
  { id: 1, title: "Read the NestJS authentication recipe" },
  { id: 2, title: "Rotate refresh tokens on every use" },
  { id: 3, title: "Refuse a refresh token that was used twice" },
];

/** The contract's demo resource: any signed-in user may read it. */
@Controller("api/items")
@UseGuards(AccessTokenGuard)
export class ItemsController {
  constructor(@Inject(StatsService) private readonly stats: StatsService) {}

  @Get()
  @ResourceCall()
  list(): Item[] {
    this.stats.count("resourceCalls");
    return ITEMS.map((item) => ({ ...item }));
  }
}
