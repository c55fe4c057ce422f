import { useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppProvider as PolarisAppProvider, Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import polarisEn from "@shopify/polaris/locales/en.json";
import polarisJa from "@shopify/polaris/locales/ja.json";
import { LoginErrorType } from "@shopify/shopify-app-remix/server";
import { type MessageKey, resolveLocale, translator } from "../../locales/i18n";
import { login } from "../../shopify.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

const LOGIN_ERRORS: Partial<Record<LoginErrorType, MessageKey>> = {
  [LoginErrorType.MissingShop]: "login.error.missingShop",
  [LoginErrorType.InvalidShop]: "login.error.invalidShop",
};

// login() redirects to Shopify when the shop is valid and returns the errors otherwise.
async function loginError(request: Request): Promise<MessageKey | null> {
  const errors = await login(request);
  return (errors.shop && LOGIN_ERRORS[errors.shop]) || null;
}

function requestLocale(request: Request) {
  return resolveLocale(new URL(request.url).searchParams.get("locale"), request.headers.get("Accept-Language"));
}

export const loader = async ({ request }: LoaderFunctionArgs) => ({
  error: await loginError(request),
  locale: requestLocale(request),
});

export const action = async ({ request }: ActionFunctionArgs) => ({ error: await loginError(request) });

export default function Login() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [shop, setShop] = useState("");
  const t = translator(loaderData.locale);
  const error = (actionData ?? loaderData).error;

  return (
    <PolarisAppProvider i18n={loaderData.locale === "ja" ? polarisJa : polarisEn}>
      <Page>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h2">
                {t("login.title")}
              </Text>
              <TextField
                type="text"
                name="shop"
                label={t("landing.shopLabel")}
                helpText={t("landing.shopHelp")}
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={error ? t(error) : undefined}
              />
              <Button submit>{t("landing.login")}</Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </PolarisAppProvider>
  );
}
