import { IsNotEmpty, IsString, Matches, MaxLength } from "class-validator";

/**
 * The login body. ValidationPipe finds this class only through the `design:paramtypes`
 * metadata tsc emits for `login(@Body() body: LoginDto)`; without it, it validates nothing.
 */
export class LoginDto {
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: "username must not be blank" })
  @MaxLength(200)
  username: string;

  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: "password must not be blank" })
  @MaxLength(200)
  password: string;
}
