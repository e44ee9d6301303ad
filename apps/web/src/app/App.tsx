import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "react-router/dom";
import { createQueryClient } from "./query-client.ts";
import { createRouter } from "./router.tsx";

// Both live outside React state: one router and one cache for the page's lifetime.
const queryClient = createQueryClient();
const router = createRouter();

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
