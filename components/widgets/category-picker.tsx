/** Chooses the category of the "Latest articles" snippet: a plain GET form, so it works without JavaScript. */
export function CategoryPicker({ categories, chosen }: { categories: { slug: string; name: string }[]; chosen?: string }) {
  return (
    <form className="form category-picker" method="get" action="/widgets#latest">
      <label htmlFor="widget-category">Articles from</label>
      <select id="widget-category" name="category" defaultValue={chosen ?? ""}>
        <option value="">Every category</option>
        {categories.map((category) => (
          <option key={category.slug} value={category.slug}>
            {category.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button">
        Show the code
      </button>
    </form>
  );
}
